import { describe, expect, it } from "vitest";
import { EventTally } from "./event-tally.js";

const at = "2026-01-01T00:00:00.000Z";
const event = (subscription: number, updatedAt = at, kind = "MOVED") => ({
  subscription,
  kind,
  vendorId: "v1",
  updatedAt,
  receivedAt: Date.parse(updatedAt) + 42,
});

describe("EventTally", () => {
  it("samples each measured update once per subscription", () => {
    const tally = new EventTally(2);
    tally.expect("v1", at);
    tally.record(event(0));
    tally.record(event(1));
    tally.record(event(1));
    expect(tally.samples).toEqual([42, 42]);
    expect(tally.duplicates).toBe(1);
  });

  it("counts events of unmeasured updates and OFFLINE apart, yet as proof a subscription is open", () => {
    const tally = new EventTally(3);
    tally.expect("v1", at);
    tally.record(event(0, "2026-01-01T00:00:01.000Z"));
    tally.record(event(1, at, "OFFLINE"));
    expect(tally.samples).toEqual([]);
    expect(tally.other).toBe(2);
    expect(tally.hasHeard(1)).toBe(true);
    expect(tally.silent()).toBe(1);
  });
});
