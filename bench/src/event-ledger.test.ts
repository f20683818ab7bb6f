import type { RawEvent } from "@venta/events";
import { describe, expect, it } from "vitest";
import { emptyWindow, type LogEntry, lostUpdates, tallyConsumer, tallyEntries } from "./event-ledger.js";

const at = "2026-12-07T22:00:00.000Z";
const position = (logId: string, vendorId: string): LogEntry => ({
  logId,
  event: {
    id: `e-${logId}`,
    type: "location.vendor_location_updated",
    payload: { vendorId, lat: 30, lng: -97, accuracyMeters: 8, heading: null, recordedAt: at },
    occurredAt: at,
  },
});
const crossing = (logId: string, vendorId: string, cause: string): LogEntry => {
  const event: RawEvent = {
    id: `e-${logId}`,
    type: "location.geofence_triggered",
    payload: {
      fenceId: "f1",
      fenceKind: "ALERT_ZONE",
      ownerId: "user-1",
      vendorId,
      transition: "ENTER",
      lat: 30,
      lng: -97,
      at,
      cause,
    },
    occurredAt: at,
  };
  return { logId, event };
};

describe("the event ledger", () => {
  const reporting = new Set(["v1", "v2"]);
  const events = tallyEntries(
    [
      position("1-0", "v1"),
      crossing("1-1", "v1", "VENDOR_MOVED"),
      position("2-0", "v2"),
      position("2-1", "v9"),
      crossing("3-0", "v2", "VENDOR_OFFLINE"),
      position("10-0", "v1"),
    ],
    reporting,
    emptyWindow(),
  );

  it("counts the reporting vendors' position events and the crossings their moves caused", () => {
    expect(events).toEqual({ positions: ["1-0", "2-0", "10-0"], crossings: 1, other: 2 });
  });

  it("counts what a group was handed, minus what is pending or dead, in the log's numeric order", () => {
    expect(tallyConsumer("all", events.positions, "10-0", new Set(), 0)).toEqual({
      consumer: "all",
      consumed: 3,
      pending: 0,
      deadLetters: 0,
      missing: 0,
    });
    // "9-9" sorts after "10-0" as text, before it as a stream id.
    expect(tallyConsumer("behind", events.positions, "9-9", new Set(["2-0"]), 0)).toMatchObject({
      consumed: 1,
      pending: 1,
      missing: 2,
    });
    expect(tallyConsumer("dead", events.positions, "10-0", new Set(), 1)).toMatchObject({
      consumed: 2,
      missing: 1,
    });
  });

  it("loses the updates that were not published or that the slowest consumer did not take", () => {
    const all = tallyConsumer("all", events.positions, "10-0", new Set(), 0);
    const behind = tallyConsumer("behind", events.positions, "2-0", new Set(), 0);
    expect(lostUpdates(3, 3, [all, all])).toBe(0);
    expect(lostUpdates(3, 3, [all, behind])).toBe(1);
    expect(lostUpdates(5, 3, [all])).toBe(2);
    expect(lostUpdates(3, 3, [])).toBe(0);
  });
});
