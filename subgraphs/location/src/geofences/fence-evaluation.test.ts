import { describe, expect, it } from "vitest";
import { isLive, membershipChanges } from "./fence-evaluation.js";

describe("membershipChanges", () => {
  it("enters the new, exits the gone, and repeats nothing for fences kept", () => {
    expect(membershipChanges(new Set([1, 2, 3]), new Set([2, 3, 4]))).toEqual({ entered: [4], exited: [1] });
    expect(membershipChanges(new Set([1, 2]), new Set([1, 2]))).toEqual({ entered: [], exited: [] });
    expect(membershipChanges(new Set<number>(), new Set([7]))).toEqual({ entered: [7], exited: [] });
    expect(membershipChanges(new Set([7]), new Set<number>())).toEqual({ entered: [], exited: [7] });
  });
});

describe("isLive", () => {
  const position = (recordedAt: Date) => ({
    vendorId: "v",
    lat: 0,
    lng: 0,
    accuracyMeters: null,
    heading: null,
    recordedAt,
  });

  it("counts a position recorded exactly at the window's start, not a millisecond before", () => {
    const since = new Date("2026-03-01T12:00:00Z");
    expect(isLive(position(since), since)).toBe(true);
    expect(isLive(position(new Date(since.getTime() - 1)), since)).toBe(false);
  });
});
