import type Database from "better-sqlite3";

/** Deletes in slices, so other processes writing to the file never wait long for the lock. */
const SLICE = 5_000;

/**
 * Deletes events older than `retentionMs` that every known consumer has passed; returns how many.
 * A consumer that was ever started holds back what it has not read yet, however old, so a consumer
 * that is down for a while catches up instead of silently missing events. `seq` is AUTOINCREMENT,
 * so deleting the newest rows can never make a later event reuse a number a consumer has passed.
 */
export function discardPassedEvents(db: Database.Database, retentionMs: number, now: Date): number {
  const cutoff = new Date(now.getTime() - retentionMs).toISOString();
  const { passed } = db
    .prepare<[], { passed: number | null }>("SELECT MIN(seq) AS passed FROM consumer_offsets")
    .get() ?? { passed: null };
  // No consumer known: nothing is owed to anyone, and a future one starts from what is retained.
  const upTo = passed ?? Number.MAX_SAFE_INTEGER;
  const slice = db.prepare<[number, string, number]>(
    `DELETE FROM events WHERE seq IN (
       SELECT seq FROM events WHERE seq <= ? AND occurred_at < ? ORDER BY seq LIMIT ?
     )`,
  );
  let removed = 0;
  for (;;) {
    const { changes } = slice.run(upTo, cutoff, SLICE);
    removed += changes;
    if (changes < SLICE) return removed;
  }
}
