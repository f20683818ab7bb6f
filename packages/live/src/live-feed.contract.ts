import { afterEach, describe, expect, it } from "vitest";
import { parseArea } from "./area.js";
import type { LiveEvent } from "./live-event.js";
import type { LiveFeed } from "./live-feed.js";
import { LiveHub, type LiveHubOptions } from "./live-hub.js";
import type { LiveUpdate } from "./live-update.js";

let sequence = 0;
const update = (
  vendorId: string,
  to: { lat: number; lng: number },
  from: { lat: number; lng: number } | null,
): LiveUpdate => ({
  id: `u${++sequence}`,
  type: "moved",
  vendorId,
  position: { ...to, accuracyMeters: 5, heading: null, recordedAt: new Date().toISOString() },
  previous: from,
});

const DOWNTOWN = { lat: 30.2672, lng: -97.7431 };
const VIEWPORT = { south: 30.26, west: -97.75, north: 30.275, east: -97.735 };
const FAR = { lat: 30.4, lng: -97.7 };

async function collect(
  queue: AsyncIterator<LiveEvent>,
  count: number,
  timeoutMs = 3_000,
): Promise<LiveEvent[]> {
  const events: LiveEvent[] = [];
  const deadline = Date.now() + timeoutMs;
  while (events.length < count) {
    const next = await Promise.race([
      queue.next(),
      new Promise<null>((resolve) => setTimeout(() => resolve(null), Math.max(1, deadline - Date.now()))),
    ]);
    if (!next || next.done) break;
    events.push(next.value);
  }
  return events;
}

/** The behaviour every live feed must show, seen through a hub; each adapter's test file runs it. */
export function liveFeedContract(
  adapter: string,
  open: () => Promise<{ publisher: LiveFeed; listener: LiveFeed }>,
): void {
  describe(`${adapter} live feed`, () => {
    const opened: LiveFeed[] = [];
    afterEach(async () => {
      await Promise.all(opened.splice(0).map((feed) => feed.close()));
    });
    const setup = async (options?: LiveHubOptions) => {
      const feeds = await open();
      opened.push(feeds.publisher, feeds.listener);
      return { ...feeds, hub: new LiveHub(feeds.listener, options) };
    };

    it("delivers enter, move and leave to a viewport, and nothing from elsewhere", async () => {
      const { publisher, hub } = await setup();
      const queue = await hub.subscribe(parseArea({ within: VIEWPORT }));
      const collecting = collect(queue, 3);
      // Paced like a device, so a prompt subscriber sees each step rather than their net effect.
      for (const step of [
        update("far", FAR, { lat: 30.41, lng: -97.7 }),
        update("v1", DOWNTOWN, FAR),
        update("v1", { lat: 30.27, lng: -97.74 }, DOWNTOWN),
        update("v1", FAR, { lat: 30.27, lng: -97.74 }),
      ]) {
        await publisher.publish([step]);
        await new Promise((resolve) => setTimeout(resolve, 60));
      }
      const events = await collecting;
      expect(events.map((e) => [e.kind, e.vendorId])).toEqual([
        ["ENTERED", "v1"],
        ["MOVED", "v1"],
        ["LEFT", "v1"],
      ]);
      queue.close();
    });

    it("gives a subscriber that fell behind each vendor's net change", async () => {
      const { publisher, hub } = await setup();
      const queue = await hub.subscribe(parseArea({ within: VIEWPORT }));
      await publisher.publish([update("v1", DOWNTOWN, FAR)]);
      await publisher.publish([update("v1", { lat: 30.27, lng: -97.74 }, DOWNTOWN)]);
      await publisher.publish([update("v2", DOWNTOWN, FAR), update("v2", FAR, DOWNTOWN)]);
      await new Promise((resolve) => setTimeout(resolve, 300));
      const events = await collect(queue, 5, 300);
      expect(events.map((e) => [e.kind, e.vendorId, e.position.lat])).toEqual([["ENTERED", "v1", 30.27]]);
      queue.close();
    });

    it("tells of each update heard once, though it came on several channels, and stamps its events with when", async () => {
      const heard: string[] = [];
      const { publisher, hub } = await setup({ onHeard: (u) => heard.push(u.id) });
      // A vendor's channel and a viewport's cells both carry the update.
      const byVendor = await hub.subscribe(parseArea({ vendorIds: ["v3"] }));
      const byArea = await hub.subscribe(parseArea({ within: VIEWPORT }));
      const moved = { ...update("v3", DOWNTOWN, FAR), acceptedAt: Date.now() };
      const before = performance.now();
      await publisher.publish([moved]);
      const [first] = await collect(byVendor, 1);
      const [second] = await collect(byArea, 1);
      expect(heard).toEqual([moved.id]);
      for (const event of [first, second]) {
        expect(event?.acceptedAt).toBe(moved.acceptedAt);
        expect(event?.heardAt).toBeGreaterThanOrEqual(before);
        expect(event?.heardAt).toBeLessThanOrEqual(performance.now());
      }
      byVendor.close();
      byArea.close();
    });

    it("delivers each update once to each interested subscriber, and stops after close", async () => {
      const { publisher, hub } = await setup();
      const a = await hub.subscribe(parseArea({ near: DOWNTOWN, radiusMeters: 500 }));
      const b = await hub.subscribe(parseArea({ vendorIds: ["v2"] }));
      await publisher.publish([update("v2", DOWNTOWN, { lat: 30.2673, lng: -97.7431 })]);
      expect((await collect(a, 2, 500)).map((e) => e.kind)).toEqual(["MOVED"]);
      expect((await collect(b, 2, 500)).map((e) => e.kind)).toEqual(["MOVED"]);
      a.close();
      b.close();
      expect(hub.size).toBe(0);
    });
  });
}
