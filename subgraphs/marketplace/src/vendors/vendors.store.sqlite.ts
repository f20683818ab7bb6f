import type { Announce, SqliteOutbox } from "@venta/events";
import { dateOrNull, epochOrNull, isSqliteUniqueViolation, pageLimit, pageOf, sqlWhere } from "@venta/store";
import type Database from "better-sqlite3";
import type {
  ReviewQueueKey,
  VendorFilter,
  VendorListKey,
  VendorRecord,
  VendorStatus,
  VendorVerification,
} from "./vendor.record.js";
import {
  DuplicateSlugError,
  type ReviewQueuePage,
  type VendorChanges,
  type VendorPage,
  type VendorsStore,
} from "./vendors.store.js";

interface VendorRow {
  id: string;
  name: string;
  slug: string;
  description: string | null;
  cuisines: string;
  owner_id: string;
  status: VendorStatus;
  verification: VendorVerification;
  rejection_reason: string | null;
  submitted_at: number | null;
  version: number;
  created_at: number;
  updated_at: number;
}

const COLUMNS =
  "id, name, slug, description, cuisines, owner_id, status, verification, rejection_reason, submitted_at, version, created_at, updated_at";

/** The column each changeable field is stored in, and how its value is stored. */
const CHANGE_COLUMNS: Record<keyof VendorChanges, [column: string, toColumn: (value: never) => unknown]> = {
  name: ["name", (v: string) => v],
  slug: ["slug", (v: string) => v],
  description: ["description", (v: string | null) => v],
  cuisines: ["cuisines", (v: string[]) => JSON.stringify(v)],
  status: ["status", (v: VendorStatus) => v],
  verification: ["verification", (v: VendorVerification) => v],
  rejectionReason: ["rejection_reason", (v: string | null) => v],
  submittedAt: ["submitted_at", epochOrNull],
};

const toRecord = (row: VendorRow): VendorRecord => ({
  id: row.id,
  name: row.name,
  slug: row.slug,
  description: row.description,
  cuisines: JSON.parse(row.cuisines) as string[],
  ownerId: row.owner_id,
  status: row.status,
  verification: row.verification,
  rejectionReason: row.rejection_reason,
  submittedAt: dateOrNull(row.submitted_at),
  version: row.version,
  createdAt: new Date(row.created_at),
  updatedAt: new Date(row.updated_at),
});

/** Vendors in the embedded SQLite database (tables: migrations/). Times are stored as epoch milliseconds. */
export class SqliteVendorsStore implements VendorsStore {
  // Prepared once: every federated query naming vendors reads them through these.
  private readonly byId: Database.Statement<[string], VendorRow>;
  private readonly byIds: Database.Statement<[string], VendorRow>;

  constructor(
    private readonly db: Database.Database,
    private readonly outbox: SqliteOutbox,
  ) {
    this.byId = db.prepare(`SELECT ${COLUMNS} FROM vendors WHERE id = ?`);
    // json_each takes the whole id list as one parameter, so the statement is the same for any count.
    this.byIds = db.prepare(`SELECT ${COLUMNS} FROM vendors WHERE id IN (SELECT value FROM json_each(?))`);
  }

  async insert(vendor: VendorRecord, announce?: Announce<void>): Promise<void> {
    this.outbox.record(() => this.insertRow(vendor), announce);
  }

  private insertRow(vendor: VendorRecord): void {
    try {
      this.db
        .prepare(`INSERT INTO vendors (${COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`)
        .run(
          vendor.id,
          vendor.name,
          vendor.slug,
          vendor.description,
          JSON.stringify(vendor.cuisines),
          vendor.ownerId,
          vendor.status,
          vendor.verification,
          vendor.rejectionReason,
          epochOrNull(vendor.submittedAt),
          vendor.version,
          vendor.createdAt.getTime(),
          vendor.updatedAt.getTime(),
        );
    } catch (error) {
      if (isSqliteUniqueViolation(error, "slug")) throw new DuplicateSlugError(vendor.slug);
      throw error;
    }
  }

  async update(
    id: string,
    expectedVersion: number,
    changes: VendorChanges,
    updatedAt: Date,
    announce?: Announce<VendorRecord | null>,
  ): Promise<VendorRecord | null> {
    const sets: string[] = ["version = version + 1", "updated_at = @updatedAt"];
    const params: Record<string, unknown> = { id, expectedVersion, updatedAt: updatedAt.getTime() };
    for (const [key, value] of Object.entries(changes)) {
      if (value === undefined) continue;
      const [column, toColumn] = CHANGE_COLUMNS[key as keyof VendorChanges];
      sets.push(`${column} = @${key}`);
      params[key] = toColumn(value as never);
    }
    const update = (): VendorRecord | null => {
      try {
        const row = this.db
          .prepare<Record<string, unknown>, VendorRow>(
            `UPDATE vendors SET ${sets.join(", ")} WHERE id = @id AND version = @expectedVersion RETURNING ${COLUMNS}`,
          )
          .get(params);
        return row ? toRecord(row) : null;
      } catch (error) {
        if (isSqliteUniqueViolation(error)) throw new DuplicateSlugError(String(changes.slug));
        throw error;
      }
    };
    return this.outbox.record(update, announce);
  }

  async findById(id: string): Promise<VendorRecord | null> {
    const row = this.byId.get(id);
    return row ? toRecord(row) : null;
  }

  async findBySlug(slug: string): Promise<VendorRecord | null> {
    const row = this.db
      .prepare<[string], VendorRow>(`SELECT ${COLUMNS} FROM vendors WHERE slug = ?`)
      .get(slug);
    return row ? toRecord(row) : null;
  }

  async findByIds(ids: readonly string[]): Promise<VendorRecord[]> {
    if (ids.length === 0) return [];
    return this.byIds.all(JSON.stringify(ids)).map(toRecord);
  }

  async list(filter: VendorFilter, first: number, after?: VendorListKey): Promise<VendorPage> {
    const { where, params } = whereClause(filter);
    if (after) {
      where.push("(created_at > @afterCreatedAt OR (created_at = @afterCreatedAt AND id > @afterId))");
      params.afterCreatedAt = after.createdAt.getTime();
      params.afterId = after.id;
    }
    const rows = this.db
      .prepare<Record<string, unknown>, VendorRow>(
        `SELECT ${COLUMNS} FROM vendors ${sqlWhere(where)} ORDER BY created_at, id LIMIT @limit`,
      )
      .all({ ...params, limit: pageLimit(first) });
    return pageOf(rows, first, toRecord);
  }

  async count(filter: VendorFilter): Promise<number> {
    const { where, params } = whereClause(filter);
    const row = this.db
      .prepare<Record<string, unknown>, { n: number }>(`SELECT count(*) AS n FROM vendors ${sqlWhere(where)}`)
      .get(params);
    return row?.n ?? 0;
  }

  async reviewQueue(first: number, after?: ReviewQueueKey): Promise<ReviewQueuePage> {
    const where = ["verification = 'SUBMITTED'"];
    const params: Record<string, unknown> = { limit: pageLimit(first) };
    if (after) {
      where.push("(submitted_at > @afterAt OR (submitted_at = @afterAt AND id > @afterId))");
      params.afterAt = after.submittedAt.getTime();
      params.afterId = after.id;
    }
    // One transaction: the page and the count see the same rows.
    return this.db.transaction(() => {
      const rows = this.db
        .prepare<Record<string, unknown>, VendorRow>(
          `SELECT ${COLUMNS} FROM vendors ${sqlWhere(where)} ORDER BY submitted_at, id LIMIT @limit`,
        )
        .all(params);
      const count = this.db
        .prepare<[], { n: number }>("SELECT count(*) AS n FROM vendors WHERE verification = 'SUBMITTED'")
        .get();
      return { ...pageOf(rows, first, toRecord), totalCount: count?.n ?? 0 };
    })();
  }
}

function whereClause(filter: VendorFilter): { where: string[]; params: Record<string, unknown> } {
  const where: string[] = [];
  const params: Record<string, unknown> = {};
  if (filter.status) {
    where.push("status = @status");
    params.status = filter.status;
  }
  if (filter.ownerId) {
    where.push("owner_id = @ownerId");
    params.ownerId = filter.ownerId;
  }
  if (filter.verification) {
    where.push("verification = @verification");
    params.verification = filter.verification;
  }
  if (filter.visibleTo) {
    // A viewer without an account (anonymous, a partner) owns nothing: NULL never equals owner_id.
    where.push("(verification = 'VERIFIED' OR owner_id = @viewerId)");
    params.viewerId = filter.visibleTo.userId;
  }
  if (filter.cuisines && filter.cuisines.length > 0) {
    where.push(
      "EXISTS (SELECT 1 FROM json_each(vendors.cuisines) AS c WHERE c.value IN (SELECT value FROM json_each(@cuisines)))",
    );
    params.cuisines = JSON.stringify(filter.cuisines);
  }
  return { where, params };
}
