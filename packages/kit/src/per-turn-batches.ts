import DataLoader from "dataloader";

/** Runs a batch of calls: one answer per call, in order; an Error answers its own call only. */
export type RunBatch<Call, Answer> = (calls: readonly Call[]) => Promise<readonly (Answer | Error)[]>;

/**
 * Calls made during one turn of the event loop, run as one batch once the turn's I/O callbacks are
 * done (group commit, one pipeline for many publishes). Under load, requests from many clients
 * arrive in the same turn, one I/O callback each: run one by one, each pays its own round trip or
 * commit; run together, they pay one. A lone call waits only for the end of its turn. Nothing is
 * cached: every call runs.
 */
export function perTurnBatches<Call, Answer>(
  run: RunBatch<Call, Answer>,
  maxBatchSize = Number.POSITIVE_INFINITY,
): (call: Call) => Promise<Answer> {
  // DataLoader's own scheduling only waits for the current promise jobs, which ends a batch at the
  // first I/O callback; `setImmediate` runs after all of the turn's.
  const loader = new DataLoader<Call, Answer>(run, {
    cache: false,
    maxBatchSize,
    batchScheduleFn: (dispatch) => setImmediate(dispatch),
  });
  return (call) => loader.load(call);
}
