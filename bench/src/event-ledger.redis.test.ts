import { randomUUID } from "node:crypto";
import { RedisEventBus } from "@venta/events";
import { deleteRedisKeys, eventually, redisForTests, testLogger } from "@venta/testing";
import { afterAll, describe, expect, it } from "vitest";
import { RedisEventLedger } from "./event-ledger.redis.js";

const redisUrl = await redisForTests();
const prefix = `venta:test:${randomUUID()}`;
const at = "2026-12-07T22:00:00.000Z";
const moved = (vendorId: string) => ({
  vendorId,
  lat: 30.27,
  lng: -97.74,
  accuracyMeters: 8,
  heading: null,
  recordedAt: at,
});

describe.runIf(redisUrl)("the Redis event ledger", () => {
  const url = redisUrl as string;
  afterAll(() => deleteRedisKeys(url, prefix));

  it("counts a window's position events and how far each consumer group got through them", async () => {
    const bus = new RedisEventBus(url, testLogger, prefix, { retentionIntervalMs: 0 });
    const ledger = new RedisEventLedger(url, prefix);
    try {
      await bus.publish("location.vendor_location_updated", moved("v1"));
      // A group that exists but stops before the window: handed none of it.
      const idle = bus.consume("idle", ["location.vendor_location_updated"], () => {});
      const caughtUp = (consumer: string) =>
        eventually(
          async () => (await bus.stats()).find((s) => s.consumer === consumer),
          (stats) => stats?.lag === 0 && stats.pending === 0,
        );
      expect(await caughtUp("idle")).toMatchObject({ lag: 0, pending: 0 });
      await idle.stop();

      const mark = await ledger.mark();
      await bus.publishAll("location.vendor_location_updated", [moved("v1"), moved("v2"), moved("v9")]);
      await bus.publish("location.geofence_triggered", {
        fenceId: "f1",
        fenceKind: "ALERT_ZONE",
        ownerId: "user-1",
        vendorId: "v1",
        transition: "ENTER",
        lat: 30.27,
        lng: -97.74,
        at,
        cause: "VENDOR_MOVED",
      });
      const seen: string[] = [];
      const all = bus.consume("all", ["location.vendor_location_updated"], (event) => {
        seen.push(event.id);
      });
      expect(await caughtUp("all")).toMatchObject({ lag: 0, pending: 0 });
      await all.stop();

      const { events, consumers } = await ledger.window(mark, new Set(["v1", "v2"]), new Map());
      expect(events.positions).toHaveLength(2);
      expect(events.crossings).toBe(1);
      expect(events.other).toBe(1);
      expect(seen).toHaveLength(4);
      expect(consumers.sort((a, b) => a.consumer.localeCompare(b.consumer))).toEqual([
        { consumer: "all", consumed: 2, pending: 0, deadLetters: 0, missing: 0 },
        { consumer: "idle", consumed: 0, pending: 0, deadLetters: 0, missing: 2 },
      ]);
    } finally {
      await ledger.close();
      await bus.close();
    }
  });
});
