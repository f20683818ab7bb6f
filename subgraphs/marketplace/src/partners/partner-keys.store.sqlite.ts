import type { PartnerScope } from "@venta/auth";
import type { Announce, SqliteOutbox } from "@venta/events";
import { dateOrNull, epochOrNull, isSqliteUniqueViolation, pageLimit, pageOf, sqlWhere } from "@venta/store";
import type Database from "better-sqlite3";
import type { PartnerKeyRecord } from "./partner-key.record.js";
import {
  DuplicatePartnerKeyError,
  type PartnerKeyListOptions,
  type PartnerKeyPage,
  type PartnerKeyRevocation,
  type PartnerKeysStore,
} from "./partner-keys.store.js";

interface PartnerKeyRow {
  id: string;
  name: string;
  prefix: string;
  key_hash: string;
  scopes: string;
  created_by: string;
  created_at: number;
  revoked_at: number | null;
  last_used_at: number | null;
}

const COLUMNS = "id, name, prefix, key_hash, scopes, created_by, created_at, revoked_at, last_used_at";

const toRecord = (row: PartnerKeyRow): PartnerKeyRecord => ({
  id: row.id,
  name: row.name,
  prefix: row.prefix,
  keyHash: row.key_hash,
  scopes: JSON.parse(row.scopes) as PartnerScope[],
  createdBy: row.created_by,
  createdAt: new Date(row.created_at),
  revokedAt: dateOrNull(row.revoked_at),
  lastUsedAt: dateOrNull(row.last_used_at),
});

/** Partner API keys in the embedded SQLite database (tables: migrations/). Times are stored as epoch milliseconds. */
export class SqlitePartnerKeysStore implements PartnerKeysStore {
  constructor(
    private readonly db: Database.Database,
    private readonly outbox: SqliteOutbox,
  ) {}

  async insert(record: PartnerKeyRecord): Promise<void> {
    try {
      this.db
        .prepare(`INSERT INTO partner_keys (${COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`)
        .run(
          record.id,
          record.name,
          record.prefix,
          record.keyHash,
          JSON.stringify(record.scopes),
          record.createdBy,
          record.createdAt.getTime(),
          epochOrNull(record.revokedAt),
          epochOrNull(record.lastUsedAt),
        );
    } catch (error) {
      if (isSqliteUniqueViolation(error)) throw new DuplicatePartnerKeyError(record.id);
      throw error;
    }
  }

  async findByHash(keyHash: string): Promise<PartnerKeyRecord | null> {
    const row = this.db
      .prepare<[string], PartnerKeyRow>(`SELECT ${COLUMNS} FROM partner_keys WHERE key_hash = ?`)
      .get(keyHash);
    return row ? toRecord(row) : null;
  }

  async findById(id: string): Promise<PartnerKeyRecord | null> {
    const row = this.db
      .prepare<[string], PartnerKeyRow>(`SELECT ${COLUMNS} FROM partner_keys WHERE id = ?`)
      .get(id);
    return row ? toRecord(row) : null;
  }

  async list({ first, after, includeRevoked = false }: PartnerKeyListOptions): Promise<PartnerKeyPage> {
    const live = includeRevoked ? [] : ["revoked_at IS NULL"];
    const where = [...live];
    const params: Record<string, unknown> = { limit: pageLimit(first) };
    if (after) {
      where.push("(created_at < @afterCreatedAt OR (created_at = @afterCreatedAt AND id < @afterId))");
      params.afterCreatedAt = after.createdAt.getTime();
      params.afterId = after.id;
    }
    // One transaction: the page and the count see the same rows.
    return this.db.transaction(() => {
      const rows = this.db
        .prepare<Record<string, unknown>, PartnerKeyRow>(
          `SELECT ${COLUMNS} FROM partner_keys ${sqlWhere(where)} ORDER BY created_at DESC, id DESC LIMIT @limit`,
        )
        .all(params);
      const count = this.db
        .prepare<[], { n: number }>(`SELECT count(*) AS n FROM partner_keys ${sqlWhere(live)}`)
        .get();
      return { ...pageOf(rows, first, toRecord), totalCount: count?.n ?? 0 };
    })();
  }

  async revoke(
    id: string,
    at: Date,
    announce?: Announce<PartnerKeyRevocation | null>,
  ): Promise<PartnerKeyRevocation | null> {
    return this.outbox.record(() => {
      const before = this.db
        .prepare<[string], { revoked_at: number | null }>("SELECT revoked_at FROM partner_keys WHERE id = ?")
        .get(id);
      if (!before) return null;
      const row = this.db
        .prepare<[number, string], PartnerKeyRow>(
          `UPDATE partner_keys SET revoked_at = coalesce(revoked_at, ?) WHERE id = ? RETURNING ${COLUMNS}`,
        )
        .get(at.getTime(), id);
      return row ? { key: toRecord(row), revokedNow: before.revoked_at === null } : null;
    }, announce);
  }

  async touch(id: string, at: Date, minIntervalMs: number): Promise<boolean> {
    const { changes } = this.db
      .prepare(
        "UPDATE partner_keys SET last_used_at = @at WHERE id = @id AND (last_used_at IS NULL OR last_used_at < @threshold)",
      )
      .run({ id, at: at.getTime(), threshold: at.getTime() - minIntervalMs });
    return changes === 1;
  }
}
