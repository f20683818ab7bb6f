import type { Announce, SqliteOutbox } from "@venta/events";
import { pageLimit, pageOf } from "@venta/store";
import type Database from "better-sqlite3";
import type {
  AppendResult,
  BalanceRecord,
  LedgerEntryRecord,
  LedgerListKey,
  Page,
  PointsReason,
} from "./points.record.js";
import type { PointsStore } from "./points.store.js";

interface EntryRow {
  id: string;
  user_id: string;
  vendor_id: string;
  delta: number;
  reason: PointsReason;
  reference: string;
  created_at: number;
}

interface BalanceRow {
  user_id: string;
  vendor_id: string;
  points: number;
  lifetime_points: number;
  updated_at: number;
}

const ENTRY_COLUMNS = "id, user_id, vendor_id, delta, reason, reference, created_at";
const BALANCE_COLUMNS = "user_id, vendor_id, points, lifetime_points, updated_at";

const toEntry = (row: EntryRow): LedgerEntryRecord => ({
  id: row.id,
  userId: row.user_id,
  vendorId: row.vendor_id,
  delta: row.delta,
  reason: row.reason,
  reference: row.reference,
  createdAt: new Date(row.created_at),
});

const toBalance = (row: BalanceRow): BalanceRecord => ({
  userId: row.user_id,
  vendorId: row.vendor_id,
  points: row.points,
  lifetimePoints: row.lifetime_points,
  updatedAt: new Date(row.updated_at),
});

/**
 * The points ledger and balances in the embedded SQLite database. Every append is one IMMEDIATE
 * transaction (the write lock is taken before the first read), so the reference check, the balance
 * change and the ledger row can never interleave with another process's.
 */
export class SqlitePointsStore implements PointsStore {
  private readonly appendInTransaction: Database.Transaction<(entry: LedgerEntryRecord) => AppendResult>;

  constructor(
    private readonly db: Database.Database,
    private readonly outbox: SqliteOutbox,
  ) {
    const known = db.prepare<[string], { found: number }>(
      "SELECT 1 AS found FROM points_ledger WHERE reference = ?",
    );
    const insert = db.prepare(
      `INSERT INTO points_ledger (${ENTRY_COLUMNS}) VALUES (@id, @userId, @vendorId, @delta, @reason, @reference, @at)`,
    );
    const credit = db.prepare<Record<string, unknown>, BalanceRow>(
      `INSERT INTO points_balances (${BALANCE_COLUMNS}) VALUES (@userId, @vendorId, @delta, @delta, @at)
       ON CONFLICT (user_id, vendor_id) DO UPDATE SET
         points = points + excluded.points,
         lifetime_points = lifetime_points + excluded.lifetime_points,
         updated_at = excluded.updated_at
       RETURNING ${BALANCE_COLUMNS}`,
    );
    // The balance check and the debit are this one statement: it matches no row when points fall short.
    const debit = db.prepare<Record<string, unknown>, BalanceRow>(
      `UPDATE points_balances SET points = points - @cost, updated_at = @at
       WHERE user_id = @userId AND vendor_id = @vendorId AND points >= @cost
       RETURNING ${BALANCE_COLUMNS}`,
    );
    const pointsOf = db.prepare<[string, string], { points: number }>(
      "SELECT points FROM points_balances WHERE user_id = ? AND vendor_id = ?",
    );
    this.appendInTransaction = db.transaction((entry: LedgerEntryRecord): AppendResult => {
      if (known.get(entry.reference)) return { status: "duplicate" };
      const params = {
        id: entry.id,
        userId: entry.userId,
        vendorId: entry.vendorId,
        delta: entry.delta,
        reason: entry.reason,
        reference: entry.reference,
        at: entry.createdAt.getTime(),
      };
      let row: BalanceRow | undefined;
      if (entry.delta > 0) {
        row = credit.get(params);
      } else {
        row = debit.get({ ...params, cost: -entry.delta });
        if (!row)
          return { status: "insufficient", points: pointsOf.get(entry.userId, entry.vendorId)?.points ?? 0 };
      }
      insert.run(params);
      return { status: "appended", entry, balance: toBalance(row as BalanceRow) };
    });
  }

  async append(entry: LedgerEntryRecord, announce?: Announce<AppendResult>): Promise<AppendResult> {
    if (!Number.isInteger(entry.delta) || entry.delta === 0)
      throw new Error(`a ledger delta must be a non-zero integer, not ${entry.delta}`);
    return this.outbox.record(() => this.appendInTransaction(entry), announce);
  }

  async findBalance(userId: string, vendorId: string): Promise<BalanceRecord | null> {
    const row = this.db
      .prepare<[string, string], BalanceRow>(
        `SELECT ${BALANCE_COLUMNS} FROM points_balances WHERE user_id = ? AND vendor_id = ?`,
      )
      .get(userId, vendorId);
    return row ? toBalance(row) : null;
  }

  async listBalances(userId: string, first: number, afterVendorId?: string): Promise<Page<BalanceRecord>> {
    // One transaction: the page and the count see the same rows.
    return this.db.transaction(() => {
      const rows = this.db
        .prepare<Record<string, unknown>, BalanceRow>(
          `SELECT ${BALANCE_COLUMNS} FROM points_balances
           WHERE user_id = @userId AND (@after IS NULL OR vendor_id > @after)
           ORDER BY vendor_id LIMIT @limit`,
        )
        .all({ userId, after: afterVendorId ?? null, limit: pageLimit(first) });
      const count = this.db
        .prepare<[string], { n: number }>("SELECT count(*) AS n FROM points_balances WHERE user_id = ?")
        .get(userId);
      return { ...pageOf(rows, first, toBalance), totalCount: count?.n ?? 0 };
    })();
  }

  async listEntries(
    userId: string,
    vendorId: string,
    first: number,
    after?: LedgerListKey,
  ): Promise<Page<LedgerEntryRecord>> {
    const where = ["user_id = @userId", "vendor_id = @vendorId"];
    const params: Record<string, unknown> = { userId, vendorId, limit: pageLimit(first) };
    if (after) {
      where.push("(created_at < @afterCreatedAt OR (created_at = @afterCreatedAt AND id < @afterId))");
      params.afterCreatedAt = after.createdAt.getTime();
      params.afterId = after.id;
    }
    return this.db.transaction(() => {
      const rows = this.db
        .prepare<Record<string, unknown>, EntryRow>(
          `SELECT ${ENTRY_COLUMNS} FROM points_ledger WHERE ${where.join(" AND ")}
           ORDER BY created_at DESC, id DESC LIMIT @limit`,
        )
        .all(params);
      const count = this.db
        .prepare<[string, string], { n: number }>(
          "SELECT count(*) AS n FROM points_ledger WHERE user_id = ? AND vendor_id = ?",
        )
        .get(userId, vendorId);
      return { ...pageOf(rows, first, toEntry), totalCount: count?.n ?? 0 };
    })();
  }

  async everythingOf(userId: string): Promise<{ balances: BalanceRecord[]; entries: LedgerEntryRecord[] }> {
    return this.db.transaction(() => ({
      balances: this.db
        .prepare<[string], BalanceRow>(
          `SELECT ${BALANCE_COLUMNS} FROM points_balances WHERE user_id = ? ORDER BY vendor_id`,
        )
        .all(userId)
        .map(toBalance),
      entries: this.db
        .prepare<[string], EntryRow>(
          `SELECT ${ENTRY_COLUMNS} FROM points_ledger WHERE user_id = ? ORDER BY created_at, id`,
        )
        .all(userId)
        .map(toEntry),
    }))();
  }

  async eraseUser(userId: string): Promise<void> {
    this.db.transaction(() => {
      this.db.prepare("DELETE FROM points_ledger WHERE user_id = ?").run(userId);
      this.db.prepare("DELETE FROM points_balances WHERE user_id = ?").run(userId);
    })();
  }
}
