import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { destinationPoint } from "@venta/geo";
import { afterEach, describe, expect, it } from "vitest";
import type { PositionReport } from "../positions/position.record.js";
import { openSqlite } from "../stores.js";
import { geofencesStoreContract } from "./geofences.store.contract.js";
import { trackingClock } from "./tracking-clock.js";

geofencesStoreContract("SQLite", async () => {
  const stores = openSqlite(":memory:");
  return {
    store: stores.geofences,
    positions: stores.positions,
    reports: stores.positionReports,
    outbox: stores.outbox,
    close: stores.close,
  };
});

describe("SQLite geofences store shared by two processes", () => {
  const AUSTIN = { lat: 30.2672, lng: -97.7431 };
  const east = (meters: number) => destinationPoint(AUSTIN, 90, meters);
  const T0 = new Date("2026-03-01T12:00:00Z");
  const at = (seconds: number) => new Date(T0.getTime() + seconds * 1000);
  const opened: ReturnType<typeof openSqlite>[] = [];
  afterEach(async () => {
    for (const stores of opened.splice(0)) await stores.close();
  });

  /** Two stores over one data file, as two location processes would open it. */
  function twoProcesses() {
    const dir = mkdtempSync(join(tmpdir(), "venta-location-"));
    const [a, b] = [openSqlite(dir), openSqlite(dir)] as const;
    opened.push(a, b);
    return [a, b] as const;
  }

  const report = (point: { lat: number; lng: number }, recordedAt: Date): PositionReport => ({
    vendorId: "cart",
    ...point,
    accuracyMeters: 5,
    heading: null,
    recordedAt,
  });
  const move = async (
    stores: ReturnType<typeof openSqlite>,
    point: { lat: number; lng: number },
    when: Date,
  ) =>
    (
      await stores.positionReports.record([report(point, when)], new Set(["cart"]), trackingClock(when, 120))
    ).crossings
      .flat()
      .map((t) => `${t.transition} ${t.fence.id}`);
  const zone = (id: string, center: { lat: number; lng: number }, radiusMeters: number) => ({
    id,
    kind: "ALERT_ZONE" as const,
    ownerId: "person-1",
    name: id,
    shape: { type: "CIRCLE" as const, center, radiusMeters },
    roaming: false,
    createdAt: T0,
    updatedAt: T0,
  });

  it("sees a fence another process drew next to a parked vendor", async () => {
    const [a, b] = twoProcesses();
    await a.positions.applyVendor({ vendorId: "cart", cuisines: [], isOpen: true, ownerId: "o", version: 1 });
    for (let i = 0; i < 3; i += 1) expect(await move(a, east(0), at(i))).toEqual([]);
    await b.geofences.create(zone("next-door", east(103), 100), 20, trackingClock(at(3), 120));
    expect(await move(a, east(5), at(4))).toEqual(["ENTER next-door"]);
  });

  it("sees a vendor's reports that another process took in between", async () => {
    const [a, b] = twoProcesses();
    await a.positions.applyVendor({ vendorId: "cart", cuisines: [], isOpen: true, ownerId: "o", version: 1 });
    await a.geofences.create(zone("market", AUSTIN, 300), 20, trackingClock(at(0), 120));
    expect(await move(a, east(0), at(1))).toEqual(["ENTER market"]);
    expect(await move(b, east(1000), at(2))).toEqual(["EXIT market"]);
    expect(await move(a, east(2), at(3))).toEqual(["ENTER market"]);
  });
});
