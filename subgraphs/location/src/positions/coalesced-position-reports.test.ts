import { describe, expect, it } from "vitest";
import type { FenceTransition } from "../geofences/geofence.record.js";
import type { TrackingClock } from "../geofences/geofences.store.js";
import { trackingClock } from "../geofences/tracking-clock.js";
import { coalescedPositionReports } from "./coalesced-position-reports.js";
import type { PositionReport } from "./position.record.js";
import type { PositionReports, RecordedPositions } from "./position-reports.js";

const report = (vendorId: string, lat = 30.27): PositionReport => ({
  vendorId,
  lat,
  lng: -97.74,
  accuracyMeters: null,
  heading: null,
  recordedAt: new Date("2026-12-07T12:00:00Z"),
});

const crossing = (vendorId: string): FenceTransition => ({
  fence: {
    id: `zone-of-${vendorId}`,
    kind: "ALERT_ZONE",
    ownerId: "person-1",
    center: { lat: 30.27, lng: -97.74 },
  },
  vendorId,
  transition: "ENTER",
  point: { lat: 30.27, lng: -97.74 },
  at: new Date("2026-12-07T12:00:00Z"),
  cause: "VENDOR_MOVED",
});

interface InnerCall {
  vendorIds: string[];
  listed: string[];
  clock: TrackingClock;
}

/** Records what it is asked to write; every report moves its vendor into its own zone. */
function innerReports(fails: (reports: readonly PositionReport[]) => boolean = () => false) {
  const calls: InnerCall[] = [];
  const inner: PositionReports = {
    async record(reports, listed, clock): Promise<RecordedPositions> {
      calls.push({ vendorIds: reports.map((r) => r.vendorId), listed: [...listed].sort(), clock });
      if (fails(reports)) throw new Error(`could not write ${reports.map((r) => r.vendorId).join(",")}`);
      return {
        outcomes: reports.map((current) => ({ current, moved: true, previous: null })),
        crossings: reports.map((r) => [crossing(r.vendorId)]),
      };
    },
  };
  return { inner, calls };
}

/** Each call from its own timer: separate I/O callbacks of one turn, as requests on separate sockets. */
const fromCallbacks = <T>(calls: (() => Promise<T>)[]) =>
  Promise.allSettled(calls.map((call) => new Promise<T>((resolve) => setTimeout(() => resolve(call()), 1))));

describe("coalescedPositionReports", () => {
  const early = trackingClock(new Date("2026-12-07T12:00:00.000Z"), 120);
  const late = trackingClock(new Date("2026-12-07T12:00:00.004Z"), 120);

  it("writes a turn's calls in one record, in order, and hands each caller its own outcomes", async () => {
    const { inner, calls } = innerReports();
    const reports = coalescedPositionReports(inner);
    const settled = await fromCallbacks([
      () => reports.record([report("a")], new Set(["a"]), late),
      () => reports.record([report("b"), report("c")], new Set(["c"]), early),
      () => reports.record([report("d")], new Set(), early),
    ]);
    expect(calls).toEqual([{ vendorIds: ["a", "b", "c", "d"], listed: ["a", "c"], clock: late }]);
    const mine = settled.map((s) => (s.status === "fulfilled" ? s.value : null));
    expect(mine.map((r) => r?.outcomes.map((o) => o.current.vendorId))).toEqual([["a"], ["b", "c"], ["d"]]);
    expect(mine.map((r) => r?.crossings.flat().map((c) => c.vendorId))).toEqual([["a"], ["b", "c"], ["d"]]);
  });

  it("writes no more than one store transaction's worth of reports at once", async () => {
    const { inner, calls } = innerReports();
    const reports = coalescedPositionReports(inner);
    // Called in one go, so the sixty calls surely share a turn however busy the machine is.
    const settled = await Promise.allSettled(
      Array.from({ length: 60 }, (_, i) => reports.record([report(`v${i}`)], new Set([`v${i}`]), early)),
    );
    expect(settled.every((s) => s.status === "fulfilled")).toBe(true);
    expect(calls.map((call) => call.vendorIds.length)).toEqual([50, 10]);
    expect(calls.flatMap((call) => call.vendorIds)).toEqual(Array.from({ length: 60 }, (_, i) => `v${i}`));
  });

  it("writes a lone call as it came", async () => {
    const { inner, calls } = innerReports();
    const recorded = await coalescedPositionReports(inner).record([report("a")], new Set(["a"]), early);
    expect(calls).toEqual([{ vendorIds: ["a"], listed: ["a"], clock: early }]);
    expect(recorded.outcomes).toHaveLength(1);
  });

  it("writes a fleet's batch as it comes, without waiting for the turn's other calls", async () => {
    const { inner, calls } = innerReports();
    const reports = coalescedPositionReports(inner);
    const fleet = Array.from({ length: 20 }, (_, i) => report(`fleet-${i}`));
    const settled = await fromCallbacks([
      () => reports.record([report("a")], new Set(["a"]), early),
      () => reports.record(fleet, new Set(), early),
      () => reports.record([report("b")], new Set(["b"]), early),
    ]);
    expect(settled.map((s) => s.status)).toEqual(["fulfilled", "fulfilled", "fulfilled"]);
    expect(calls.map((call) => call.vendorIds.length)).toEqual([20, 2]);
    expect(calls[1]?.vendorIds).toEqual(["a", "b"]);
  });

  it("retries each call alone when the shared write fails, so only the failing call fails", async () => {
    const { inner, calls } = innerReports((reports) => reports.some((r) => r.vendorId === "bad"));
    const reports = coalescedPositionReports(inner);
    const settled = await fromCallbacks([
      () => reports.record([report("a")], new Set(["a"]), early),
      () => reports.record([report("bad")], new Set(["bad"]), early),
      () => reports.record([report("c")], new Set(["c"]), early),
    ]);
    expect(settled.map((s) => s.status)).toEqual(["fulfilled", "rejected", "fulfilled"]);
    expect(settled[1]?.status === "rejected" && (settled[1].reason as Error).message).toBe(
      "could not write bad",
    );
    expect(calls.map((call) => call.vendorIds)).toEqual([["a", "bad", "c"], ["a"], ["bad"], ["c"]]);
  });
});
