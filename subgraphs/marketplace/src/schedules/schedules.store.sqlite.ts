import type { Announce, SqliteOutbox } from "@venta/events";
import type Database from "better-sqlite3";
import type { DayHours, ScheduleException, ScheduleRecord } from "./schedule.record.js";
import type { SchedulesStore } from "./schedules.store.js";

interface ScheduleRow {
  vendor_id: string;
  time_zone: string;
  weekly: string;
  exceptions: string;
  updated_at: number;
}

const COLUMNS = "vendor_id, time_zone, weekly, exceptions, updated_at";

const toRecord = (row: ScheduleRow): ScheduleRecord => ({
  vendorId: row.vendor_id,
  timeZone: row.time_zone,
  weekly: JSON.parse(row.weekly) as DayHours[],
  exceptions: JSON.parse(row.exceptions) as ScheduleException[],
  updatedAt: new Date(row.updated_at),
});

/**
 * Schedules in the embedded SQLite database: one row per vendor, the hours as JSON, since a schedule
 * is only ever read and replaced whole. Times are stored as epoch milliseconds. `published_until` is
 * the end of the horizon of open intervals last published for the row's schedule (null: none yet).
 */
export class SqliteSchedulesStore implements SchedulesStore {
  constructor(
    private readonly db: Database.Database,
    private readonly outbox: SqliteOutbox,
  ) {}

  async put(schedule: ScheduleRecord, announce?: Announce<void>): Promise<void> {
    // One statement: the old schedule is replaced whole or not at all.
    const put = () => {
      this.db
        .prepare(
          `INSERT INTO vendor_schedules (${COLUMNS}) VALUES (@vendorId, @timeZone, @weekly, @exceptions, @updatedAt)
         ON CONFLICT (vendor_id) DO UPDATE SET time_zone = excluded.time_zone, weekly = excluded.weekly,
           exceptions = excluded.exceptions, updated_at = excluded.updated_at, published_until = NULL`,
        )
        .run({
          vendorId: schedule.vendorId,
          timeZone: schedule.timeZone,
          weekly: JSON.stringify(schedule.weekly),
          exceptions: JSON.stringify(schedule.exceptions),
          updatedAt: schedule.updatedAt.getTime(),
        });
    };
    this.outbox.record(put, announce);
  }

  async findByVendorId(vendorId: string): Promise<ScheduleRecord | null> {
    const row = this.db
      .prepare<[string], ScheduleRow>(`SELECT ${COLUMNS} FROM vendor_schedules WHERE vendor_id = ?`)
      .get(vendorId);
    return row ? toRecord(row) : null;
  }

  async recordHorizon(
    vendorId: string,
    updatedAt: Date,
    horizonEnd: Date,
    announce?: Announce<boolean>,
  ): Promise<boolean> {
    const record = () =>
      this.db
        .prepare(
          `UPDATE vendor_schedules SET published_until = max(coalesce(published_until, 0), @horizonEnd)
           WHERE vendor_id = @vendorId AND updated_at = @updatedAt`,
        )
        .run({ vendorId, updatedAt: updatedAt.getTime(), horizonEnd: horizonEnd.getTime() }).changes === 1;
    return this.outbox.record(record, announce);
  }

  async dueForRefresh(
    endingBefore: Date,
    afterVendorId: string | null,
    limit: number,
  ): Promise<ScheduleRecord[]> {
    return this.db
      .prepare<[{ endingBefore: number; after: string; limit: number }], ScheduleRow>(
        `SELECT ${COLUMNS} FROM vendor_schedules
         WHERE (published_until IS NULL OR published_until < @endingBefore) AND vendor_id > @after
         ORDER BY vendor_id LIMIT @limit`,
      )
      .all({ endingBefore: endingBefore.getTime(), after: afterVendorId ?? "", limit })
      .map(toRecord);
  }

  async findByVendorIds(vendorIds: readonly string[]): Promise<ScheduleRecord[]> {
    if (vendorIds.length === 0) return [];
    // json_each takes the whole id list as one parameter, so the statement is the same for any count.
    return this.db
      .prepare<[string], ScheduleRow>(
        `SELECT ${COLUMNS} FROM vendor_schedules WHERE vendor_id IN (SELECT value FROM json_each(?))`,
      )
      .all(JSON.stringify(vendorIds))
      .map(toRecord);
  }
}
