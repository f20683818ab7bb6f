import type Database from "better-sqlite3";
import type { ConsumerStats } from "./event-bus.js";

interface OffsetRow {
  consumer: string;
  seq: number;
  types: string | null;
}

/**
 * Lag, per known consumer: the events of its types past its offset, plus redriven letters it has
 * not had yet. Consumers from before types were recorded count every type until they next start.
 */
export function sqliteStats(db: Database.Database): ConsumerStats[] {
  const offsets = db.prepare<[], OffsetRow>("SELECT consumer, seq, types FROM consumer_offsets").all();
  const letters = db
    .prepare<[], { consumer: string; state: string; count: number }>(
      "SELECT consumer, state, COUNT(*) AS count FROM dead_letters GROUP BY consumer, state",
    )
    .all();
  const behindOfType = db.prepare<[number, string], { count: number }>(
    "SELECT COUNT(*) AS count FROM events WHERE seq > ? AND type IN (SELECT value FROM json_each(?))",
  );
  const behind = db.prepare<[number], { count: number }>(
    "SELECT COUNT(*) AS count FROM events WHERE seq > ?",
  );

  const stats = new Map<string, ConsumerStats>();
  const of = (consumer: string) => {
    let entry = stats.get(consumer);
    if (!entry) {
      entry = { consumer, lag: 0, pending: 0, deadLetters: 0 };
      stats.set(consumer, entry);
    }
    return entry;
  };
  for (const row of offsets) {
    const counted = row.types === null ? behind.get(row.seq) : behindOfType.get(row.seq, row.types);
    of(row.consumer).lag += counted?.count ?? 0;
  }
  for (const row of letters) {
    if (row.state === "dead") of(row.consumer).deadLetters += row.count;
    else of(row.consumer).lag += row.count;
  }
  return [...stats.values()].sort((a, b) => a.consumer.localeCompare(b.consumer));
}
