import { isMongoDuplicateKey } from "./unique-violation.js";

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
