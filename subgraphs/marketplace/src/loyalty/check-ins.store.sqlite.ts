import { pageLimit, pageOf } from "@venta/store";
import type Database from "better-sqlite3";
import {
  type CheckInListKey,
  type CheckInRecord,
  type CheckInStatus,
  judgedCheckIn,
} from "./check-in.record.js";
import type { CheckInHistory, CheckInVerdict } from "./check-in-rules.js";
import type { CheckInAttempt, CheckInsStore, CheckInWindows } from "./check-ins.store.js";
import type { Page } from "./points.record.js";

interface CheckInRow {
  id: string;
  user_id: string;
  vendor_id: string;
  lat: number;
  lng: number;
  at: number;
  sequence: number;
  status: CheckInStatus;
  travel: string | null;
}

interface StoredTravel {
  fromLat: number;
  fromLng: number;
  fromAt: number;
  distanceMeters: number;
  elapsedSeconds: number;
}

const COLUMNS = "id, user_id, vendor_id, lat, lng, at, sequence, status, travel";

const toRecord = (row: CheckInRow): CheckInRecord => {
  const travel = row.travel === null ? null : (JSON.parse(row.travel) as StoredTravel);
  return {
    id: row.id,
    userId: row.user_id,
    vendorId: row.vendor_id,
    lat: row.lat,
    lng: row.lng,
    at: new Date(row.at),
    sequence: row.sequence,
    status: row.status,
    travel: travel && { ...travel, fromAt: new Date(travel.fromAt) },
  };
};

/**
 * Check-ins in the embedded SQLite database. Judging and recording run in one IMMEDIATE
 * transaction: the write lock is taken before the history is read, so another process's
 * check-in of the same person waits and is then judged against this one.
 */
export class SqliteCheckInsStore implements CheckInsStore {
  constructor(private readonly db: Database.Database) {}

  async record(
    attempt: CheckInAttempt,
    windows: CheckInWindows,
    judge: (history: CheckInHistory) => CheckInVerdict,
  ): Promise<{ verdict: CheckInVerdict; record: CheckInRecord | null }> {
    return this.db
      .transaction(() => {
        const latest = this.db
          .prepare<[string], CheckInRow>(
            `SELECT ${COLUMNS} FROM loyalty_check_ins WHERE user_id = ? ORDER BY sequence DESC LIMIT 1`,
          )
          .get(attempt.userId);
        const believed = this.db
          .prepare<[string], CheckInRow>(
            `SELECT ${COLUMNS} FROM loyalty_check_ins WHERE user_id = ? AND status = 'ACCEPTED'
             ORDER BY sequence DESC LIMIT 1`,
          )
          .get(attempt.userId);
        const recent = this.db
          .prepare<[string, number], { n: number; oldest: number | null }>(
            "SELECT count(*) AS n, min(at) AS oldest FROM loyalty_check_ins WHERE user_id = ? AND at > ?",
          )
          .get(attempt.userId, windows.since.getTime());
        const verdict = judge({
          previous: believed ? toRecord(believed) : null,
          recentCount: recent?.n ?? 0,
          oldestRecentAt: recent?.oldest == null ? null : new Date(recent.oldest),
        });
        if (verdict.status === "LIMITED") return { verdict, record: null };
        const record = judgedCheckIn(attempt, latest?.sequence ?? 0, verdict);
        this.db
          .prepare(
            `INSERT INTO loyalty_check_ins (${COLUMNS})
             VALUES (@id, @userId, @vendorId, @lat, @lng, @at, @sequence, @status, @travel)`,
          )
          .run({
            id: record.id,
            userId: record.userId,
            vendorId: record.vendorId,
            lat: record.lat,
            lng: record.lng,
            at: record.at.getTime(),
            sequence: record.sequence,
            status: record.status,
            travel:
              record.travel && JSON.stringify({ ...record.travel, fromAt: record.travel.fromAt.getTime() }),
          });
        const keep = record.status === "ACCEPTED" ? record.sequence : believed?.sequence;
        if (keep !== undefined)
          this.db
            .prepare(
              `DELETE FROM loyalty_check_ins
               WHERE user_id = ? AND status = 'ACCEPTED' AND at < ? AND sequence < ?`,
            )
            .run(record.userId, windows.keepSince.getTime(), keep);
        return { verdict, record };
      })
      .immediate();
  }

  async listFlagged(first: number, after?: CheckInListKey): Promise<Page<CheckInRecord>> {
    return this.db.transaction(() => {
      const rows = this.db
        .prepare<Record<string, unknown>, CheckInRow>(
          `SELECT ${COLUMNS} FROM loyalty_check_ins
           WHERE status = 'FLAGGED'
             AND (@afterAt IS NULL OR at < @afterAt OR (at = @afterAt AND id < @afterId))
           ORDER BY at DESC, id DESC LIMIT @limit`,
        )
        .all({ afterAt: after?.at.getTime() ?? null, afterId: after?.id ?? null, limit: pageLimit(first) });
      const count = this.db
        .prepare<[], { n: number }>("SELECT count(*) AS n FROM loyalty_check_ins WHERE status = 'FLAGGED'")
        .get();
      return { ...pageOf(rows, first, toRecord), totalCount: count?.n ?? 0 };
    })();
  }

  async everythingOf(userId: string): Promise<CheckInRecord[]> {
    return this.db
      .prepare<[string], CheckInRow>(
        `SELECT ${COLUMNS} FROM loyalty_check_ins WHERE user_id = ? ORDER BY at, sequence`,
      )
      .all(userId)
      .map(toRecord);
  }

  async eraseUser(userId: string): Promise<void> {
    this.db.prepare("DELETE FROM loyalty_check_ins WHERE user_id = ?").run(userId);
  }
}
