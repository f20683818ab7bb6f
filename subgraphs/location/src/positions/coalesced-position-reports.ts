import { perTurnBatches } from "@venta/kit";
import type { TrackingClock } from "../geofences/geofences.store.js";
import type { PositionReport } from "./position.record.js";
import type { PositionReports, RecordedPositions } from "./position-reports.js";
import { REPORTS_PER_TRANSACTION } from "./position-transactions.js";

/** One caller's reports, as `PositionReports.record` takes them. */
interface ReportCall {
  reports: readonly PositionReport[];
  listed: ReadonlySet<string>;
  clock: TrackingClock;
}

/** Calls gathered in one turn at most. */
const MAX_CALLS_PER_TURN = 64;
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

  /**
   * Each write holds at most one store transaction's worth of reports (MongoDB commits every
   * `REPORTS_PER_TRANSACTION`), so a failed write committed nothing and its calls can be retried.
   */
  const recordTurn = async (calls: readonly ReportCall[]): Promise<(RecordedPositions | Error)[]> => {
    const answers: (RecordedPositions | Error)[] = [];
    for (const group of groupsOfReports(calls, REPORTS_PER_TRANSACTION)) {
      const [first, ...others] = group;
      if (first && others.length === 0) answers.push(await recordAlone(first).catch(toError));
      else answers.push(...(await recordTogether(group)));
    }
    return answers;
  };

  const write = perTurnBatches<ReportCall, RecordedPositions>(
    (calls) => (calls.length === 1 ? Promise.all(calls.map(recordAlone)) : recordTurn(calls)),
    MAX_CALLS_PER_TURN,
  );
  return {
    record: (reports, listed, clock) =>
      reports.length >= OWN_WRITE_FROM_REPORTS
        ? inner.record(reports, listed, clock)
        : write({ reports, listed, clock }),
  };
}

/** Consecutive calls grouped so that no group holds more than `limit` reports (a larger call stands alone). */
function groupsOfReports(calls: readonly ReportCall[], limit: number): ReportCall[][] {
  const groups: ReportCall[][] = [];
  let size = limit;
  for (const call of calls) {
    if (size + call.reports.length > limit) {
      groups.push([]);
      size = 0;
    }
    groups.at(-1)?.push(call);
    size += call.reports.length;
  }
  return groups;
}

function latest(clocks: readonly TrackingClock[]): TrackingClock {
  return clocks.reduce((a, b) => (b.now.getTime() >= a.now.getTime() ? b : a));
}

const toError = (error: unknown): Error => (error instanceof Error ? error : new Error(String(error)));
