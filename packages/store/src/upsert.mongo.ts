import { isMongoDuplicateKey, mongoDuplicateWrites } from "./unique-violation.js";

/**
 * Runs a conditional upsert: `write` filters on a unique key plus a condition ("the stored version
 * is older than this one"). Its E11000 says only that no document passed the filter when the upsert
 * looked: either one exists and fails the condition, or a concurrent writer created it since. The
 * server retries an upsert by itself only when the filter is equality on the key alone, so the same
 * write runs again without upsert to tell the two apart: a newer fact is never dropped as stale.
 */
export async function conditionalUpsert<R>(write: (upsert: boolean) => Promise<R>): Promise<R> {
  try {
    return await write(true);
  } catch (error) {
    if (!isMongoDuplicateKey(error)) throw error;
    return write(false);
  }
}

/** What a bulk of updates did, as MongoDB counts it (a `BulkWriteResult` has these). */
export interface BulkUpdateCounts {
  matchedCount: number;
  modifiedCount: number;
  upsertedCount: number;
}

/**
 * {@link conditionalUpsert} for many writes in one round trip. `write(indexes, upsert)` runs the
 * writes at those indexes as one unordered bulk write; the ones refused as duplicate keys run again
 * without upsert, for the same reason as above. Unordered, so the writes must touch different
 * documents: collapse several writes to one document into one first.
 */
export async function conditionalUpsertMany(
  count: number,
  write: (indexes: readonly number[], upsert: boolean) => Promise<BulkUpdateCounts>,
): Promise<BulkUpdateCounts> {
  if (count === 0) return { matchedCount: 0, modifiedCount: 0, upsertedCount: 0 };
  try {
    return await write(
      Array.from({ length: count }, (_, index) => index),
      true,
    );
  } catch (error) {
    const refused = mongoDuplicateWrites(error);
    if (!refused) throw error;
    // The bulk write error carries what the other writes did.
    const done = error as Partial<BulkUpdateCounts>;
    const again = await write(
      [...refused].sort((a, b) => a - b),
      false,
    );
    return {
      matchedCount: (done.matchedCount ?? 0) + again.matchedCount,
      modifiedCount: (done.modifiedCount ?? 0) + again.modifiedCount,
      upsertedCount: (done.upsertedCount ?? 0) + again.upsertedCount,
    };
  }
}
