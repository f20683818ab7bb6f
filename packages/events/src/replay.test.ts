import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { testLogger } from "@venta/testing";
import { afterEach, describe, expect, it } from "vitest";
import type { DomainEvent, VendorSnapshot } from "./catalogue.js";
import { created, snapshot, until } from "./event-bus.harness.js";
import { SqliteEventBus } from "./event-bus.sqlite.js";
import { recordEvents } from "./event-recorder.js";
import { SqliteEventStore } from "./event-store.sqlite.js";
import { newEvent } from "./outbox.js";
import { followProjection, type Projection } from "./projection.js";
import { recorderCaughtUp, replayProjection } from "./replay.js";

const closers: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const close of closers.splice(0).reverse()) await close();
});

function setUp() {
  const bus = new SqliteEventBus(
    join(mkdtempSync(join(tmpdir(), "venta-replay-")), "events.db"),
    testLogger,
    10,
  );
  const store = new SqliteEventStore(":memory:");
  const recording = recordEvents(bus, store, testLogger);
  closers.push(
    () => bus.close(),
    () => store.close(),
    () => recording.stop(),
  );
  return { bus, store };
}

/** Vendor names by id, newest version wins: idempotent and tolerant of order, as projections must be. */
function vendorNames(): Projection & { names: Map<string, string>; versions: Map<string, number> } {
  const names = new Map<string, string>();
  const versions = new Map<string, number>();
  return {
    name: "test.vendor-names",
    types: [created, "marketplace.vendor_updated"],
    names,
    versions,
    reset: async () => {
      names.clear();
      versions.clear();
    },
    apply: async (event: DomainEvent) => {
      const vendor = event.payload as VendorSnapshot;
      if ((versions.get(vendor.vendorId) ?? 0) >= vendor.version) return;
      versions.set(vendor.vendorId, vendor.version);
      names.set(vendor.vendorId, vendor.name);
    },
  };
}

const renamed = (vendorId: string, version: number, name: string) =>
  newEvent("marketplace.vendor_updated", { ...snapshot(vendorId, version), name });

describe("event store recording and replay", () => {
  it("stores every published event once, whatever the number of recorders", async () => {
    const { bus, store } = setUp();
    const second = recordEvents(bus, store, testLogger);
    closers.push(() => second.stop());
    const events = [
      newEvent(created, snapshot("a")),
      newEvent("marketplace.user_registered", {
        userId: "u1",
        displayName: "Ada",
        registeredAt: new Date(0).toISOString(),
      }),
    ];
    await bus.publishEvents(events);
    await recorderCaughtUp(bus);
    await until(async () => (await store.query({}, 10)).events.length === 2);
    expect((await store.query({}, 10)).events.map((s) => s.event)).toEqual(events);
  });

  it("rebuilds a projection from the store, and a dry run changes nothing", async () => {
    const { bus, store } = setUp();
    await bus.publishEvents([
      newEvent(created, snapshot("a")),
      renamed("a", 2, "Tacos Ana"),
      newEvent(created, snapshot("b")),
      newEvent("marketplace.favorite_added", { userId: "u", vendorId: "a", at: new Date(0).toISOString() }),
    ]);
    await recorderCaughtUp(bus);
    const projection = vendorNames();
    projection.names.set("stale", "left from a bug");
    projection.versions.set("stale", 9);

    const dry = await replayProjection({ store, projection, dryRun: true });
    expect(dry).toMatchObject({ applied: 3, dryRun: true });
    expect(dry.byType).toEqual({ [created]: 2, "marketplace.vendor_updated": 1 });
    expect([...projection.names.keys()]).toEqual(["stale"]);

    const report = await replayProjection({ store, projection, caughtUp: () => recorderCaughtUp(bus) });
    expect(report.applied).toBe(3);
    expect(Object.fromEntries(projection.names)).toEqual({ a: "Tacos Ana", b: "Vendor b" });
  });

  it("loses nothing published while the replay runs beside the live consumer", async () => {
    const { bus, store } = setUp();
    await bus.publishEvents([newEvent(created, snapshot("a")), newEvent(created, snapshot("b"))]);
    await recorderCaughtUp(bus);
    const projection = vendorNames();
    const live = followProjection(bus, projection);
    closers.push(() => live.stop());
    await until(() => projection.names.size === 2);
    let published = false;
    const replaying: Projection = {
      ...projection,
      apply: async (event) => {
        // Others keep writing while the replay runs: a rename, and a vendor new to everyone.
        if (!published) {
          published = true;
          await bus.publishEvents([renamed("a", 2, "Tacos Ana"), newEvent(created, snapshot("c"))]);
        }
        await projection.apply(event);
      },
    };
    await replayProjection({ store, projection: replaying, caughtUp: () => recorderCaughtUp(bus) });
    await until(() => projection.names.size === 3);
    expect(Object.fromEntries(projection.names)).toEqual({ a: "Tacos Ana", b: "Vendor b", c: "Vendor c" });
  });
});
