import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { anonymous } from "@venta/auth";
import { assembleServices } from "@venta/kit";
import { SqliteLiveFeed } from "@venta/live";
import { testLogger } from "@venta/testing";
import { type ExecutionResult, parse, subscribe } from "graphql";
import { afterEach, describe, expect, it } from "vitest";
import { locationContext } from "../context.js";
import { locationModules } from "../modules.js";
import { buildLocationSchema } from "../schema.js";
import { openSqlite } from "../stores.js";
import { liveUpdate } from "./live-updates.js";

describe("vendorLocationUpdated in the location subgraph on its own", () => {
  const closers: (() => Promise<void>)[] = [];
  afterEach(async () => {
    for (const close of closers.splice(0)) await close();
  });

  it("streams a vendor entering the subscribed box, with its position", async () => {
    const stores = openSqlite(":memory:");
    const feed = new SqliteLiveFeed(join(mkdtempSync(join(tmpdir(), "venta-live-")), "live.db"), 5);
    closers.push(stores.close, () => feed.close());
    const context = locationContext(
      locationModules,
      assembleServices(locationModules, stores, { feed, liveWindowSeconds: 120, now: () => new Date() }),
    )({ requestId: "test", log: testLogger, viewer: anonymous });

    const stream = await subscribe({
      schema: await buildLocationSchema(),
      document: parse(`subscription {
        vendorLocationUpdated(within: { south: 30.26, west: -97.75, north: 30.275, east: -97.735 }) {
          kind vendor { id } location { point { lat lng } isLive }
        }
      }`),
      contextValue: context,
    });
    if (!(Symbol.asyncIterator in stream)) throw new Error(`not a stream: ${JSON.stringify(stream)}`);
    const iterator = stream[Symbol.asyncIterator]();
    await feed.publish([
      liveUpdate(
        "moved",
        {
          vendorId: "v1",
          lat: 30.2672,
          lng: -97.7431,
          accuracyMeters: 5,
          heading: null,
          recordedAt: new Date(),
        },
        { lat: 30.3, lng: -97.74 },
      ),
    ]);
    const { value } = (await iterator.next()) as { value: ExecutionResult };
    expect(value.errors).toBeUndefined();
    expect(value.data?.vendorLocationUpdated).toEqual({
      kind: "ENTERED",
      vendor: { id: "v1" },
      location: { point: { lat: 30.2672, lng: -97.7431 }, isLive: true },
    });
    await iterator.return?.();
  });
});
