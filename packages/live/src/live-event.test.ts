import { describe, expect, it } from "vitest";
import { parseArea } from "./area.js";
import { EventQueue } from "./event-queue.js";
import { coalesce, eventFor, type LiveEvent } from "./live-event.js";
import type { LiveUpdate } from "./live-update.js";

const box = parseArea({ within: { south: 30.25, west: -97.76, north: 30.28, east: -97.73 } });
const inside = { lat: 30.26, lng: -97.74 };
const outside = { lat: 30.3, lng: -97.74 };
const update = (
  to: { lat: number; lng: number },
  from: { lat: number; lng: number } | null,
  type: LiveUpdate["type"] = "moved",
): LiveUpdate => ({
  id: Math.random().toString(36),
  type,
  vendorId: "v1",
  position: { ...to, accuracyMeters: null, heading: null, recordedAt: new Date(0).toISOString() },
  previous: from,
});

describe("what an update means to a subscriber", () => {
  it.each([
    ["MOVED", inside, inside],
    ["ENTERED", inside, outside],
    ["ENTERED", inside, null],
    ["LEFT", outside, inside],
    [null, outside, outside],
  ] as const)("%s when moving to %j from %j", (kind, to, from) => {
    expect(eventFor(box, update(to, from))?.kind ?? null).toBe(kind);
  });

  it("reports OFFLINE only for vendors inside the area", () => {
    expect(eventFor(box, update(inside, inside, "offline"))?.kind).toBe("OFFLINE");
    expect(eventFor(box, update(outside, outside, "offline"))).toBeNull();
  });

  it("follows listed vendors wherever they go", () => {
    const listed = parseArea({ vendorIds: ["v1"] });
    expect(eventFor(listed, update(outside, inside))?.kind).toBe("MOVED");
  });
});

describe("coalescing for a slow subscriber", () => {
  const event = (kind: LiveEvent["kind"], lat = 1): LiveEvent => ({
    kind,
    updateId: `u${lat}`,
    vendorId: "v1",
    position: { lat, lng: 0, accuracyMeters: null, heading: null, recordedAt: "" },
  });

  it.each([
    ["ENTERED", "MOVED", "ENTERED"],
    ["MOVED", "LEFT", "LEFT"],
    ["LEFT", "ENTERED", "MOVED"],
    ["MOVED", "OFFLINE", "OFFLINE"],
    ["OFFLINE", "MOVED", "MOVED"],
    ["ENTERED", "LEFT", null],
  ] as const)("%s then %s is %s", (a, b, expected) => {
    expect(coalesce(event(a), event(b))?.kind ?? null).toBe(expected);
  });

  it("reports the latest update's id, so it is told as that update with its own kind", () => {
    expect(coalesce(event("ENTERED", 1), event("MOVED", 2))).toMatchObject({
      kind: "ENTERED",
      updateId: "u2",
    });
  });

  it("keeps the latest position per vendor and bounds how many vendors wait", async () => {
    const queue = new EventQueue(2, () => {});
    expect(queue.push(event("ENTERED", 1))).toBe(true);
    expect(queue.push(event("MOVED", 2))).toBe(true);
    expect(queue.push({ ...event("ENTERED"), vendorId: "v2" })).toBe(true);
    expect(queue.push({ ...event("ENTERED"), vendorId: "v3" })).toBe(false);
    expect(queue.size).toBe(2);
    expect((await queue.next()).value).toMatchObject({
      kind: "ENTERED",
      vendorId: "v1",
      position: { lat: 2 },
    });
    expect((await queue.next()).value).toMatchObject({ vendorId: "v2" });
  });
});

describe("area arguments", () => {
  it.each([
    [{ within: { south: 31, west: -98, north: 30, east: -97 } }],
    [{ within: { south: 30, west: -98, north: 32.5, east: -97 } }],
    [{ within: { south: 30, west: -97, north: 30.5, east: -98 } }],
    [{ near: { lat: 30, lng: -97 }, radiusMeters: 60_000 }],
    [{ near: { lat: 30, lng: -97 }, radiusMeters: -1 }],
    [{ near: { lat: 95, lng: -97 } }],
    [{}],
    [{ within: { south: 30, west: -98, north: 30.5, east: -97.5 }, vendorIds: ["a"] }],
    [{ vendorIds: [] }],
  ])("refuses %j with BAD_USER_INPUT", (args) => {
    expect(() => parseArea(args)).toThrow(
      expect.objectContaining({ extensions: expect.objectContaining({ code: "BAD_USER_INPUT" }) }),
    );
  });
});
