import { perTurnBatches } from "@venta/kit";
import type { TrackingClock } from "../geofences/geofences.store.js";
import type { PositionReport } from "./position.record.js";
import type { PositionReports, RecordedPositions } from "./position-reports.js";

/** One caller's reports, as `PositionReports.record` takes them. */
interface ReportCall {
  reports: readonly PositionReport[];
  listed: ReadonlySet<string>;
  clock: TrackingClock;
}

/** Calls written in one transaction at most. */
const MAX_CALLS_PER_WRITE = 64;
/**
 * A call with this many reports (a fleet's batch) is written as it comes: its commit is already
 * shared by many reports, and holding it for the turn's other calls would only delay its answer.
 */
const OWN_WRITE_FROM_REPORTS = 20;

/**
 * Reports that arrive together are written together (group commit). Under load, many devices'
 * single reports reach the process in the same turn of the event loop; each on its own would pay a
 * commit, a wake-up of the outbox relay and its bookkeeping. A turn's calls are written in one
 * `record`, in arrival order, each caller getting back its own outcomes; a lone call is written as
 * it came, and so is a call that brings a batch of its own. If a shared write fails, each call is
 * retried on its own, so one call's failure is only its own. Merged calls use the latest caller's
 * clock (they are at most a turn apart).
 */
export function coalescedPositionReports(inner: PositionReports): PositionReports {
  const recordAlone = (call: ReportCall) => inner.record(call.reports, call.listed, call.clock);

  const recordTogether = async (calls: readonly ReportCall[]): Promise<(RecordedPositions | Error)[]> => {
    const listed = new Set<string>();
    for (const call of calls) for (const vendorId of call.listed) listed.add(vendorId);
    let together: RecordedPositions;
    try {
      together = await inner.record(
        calls.flatMap((call) => call.reports),
        listed,
        latest(calls.map((call) => call.clock)),
      );
    } catch {
      return Promise.all(calls.map((call) => recordAlone(call).catch((error: unknown) => toError(error))));
    }
    let start = 0;
    return calls.map((call) => {
      const end = start + call.reports.length;
      const own = {
        outcomes: together.outcomes.slice(start, end),
        crossings: together.crossings.slice(start, end),
      };
      start = end;
      return own;
    });
  };

  const write = perTurnBatches<ReportCall, RecordedPositions>(
    (calls) => (calls.length === 1 ? Promise.all(calls.map(recordAlone)) : recordTogether(calls)),
    MAX_CALLS_PER_WRITE,
  );
  return {
    record: (reports, listed, clock) =>
      reports.length >= OWN_WRITE_FROM_REPORTS
        ? inner.record(reports, listed, clock)
        : write({ reports, listed, clock }),
  };
}

function latest(clocks: readonly TrackingClock[]): TrackingClock {
  return clocks.reduce((a, b) => (b.now.getTime() >= a.now.getTime() ? b : a));
}

const toError = (error: unknown): Error => (error instanceof Error ? error : new Error(String(error)));
