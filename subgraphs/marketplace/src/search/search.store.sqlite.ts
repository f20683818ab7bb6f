import { boxesAround, type GeoPoint, greatCircleMeters } from "@venta/geo";
import type Database from "better-sqlite3";
import { latestPositions } from "./latest-positions.js";
import {
  type ActivityEntry,
  ERASED_FAVORITE_PREFIX,
  favoriteActivityKey,
  type MenuEntry,
  type MenuItemEntry,
  type OpenHoursEntry,
  type PositionEntry,
  type RatingEntry,
  type SearchCandidate,
  type SearchDocument,
  type SearchQuery,
  type TrendingCandidate,
  type TrendingQuery,
  type VendorEntry,
  type VerificationState,
} from "./search.record.js";
import type { SearchIndex } from "./search.store.js";

/** BM25 column weights, in the FTS table's column order: name > cuisines > menu > description. */
export const BM25_WEIGHTS = { name: 10, cuisines: 5, menu: 2, description: 1 } as const;

interface DocumentRow {
  id: number;
  vendor_id: string;
  version: number | null;
  name: string;
  cuisines: string;
  description: string | null;
  verification: VerificationState | null;
  menu: string;
  menu_updated_at: number | null;
  rating_updated_at: number | null;
  recorded_at: number | null;
}

interface CandidateRow {
  vendor_id: string;
  relevance: number;
  lat: number | null;
  lng: number | null;
  recorded_at: number | null;
  rating_average: number | null;
  rating_count: number;
}

interface TrendingRow {
  vendor_id: string;
  lat: number;
  lng: number;
  activity: number;
  favorites: number;
  reviews: number;
}

/**
 * A term as an FTS5 string: always double-quoted (a quote inside doubled), so no user input is ever
 * read as FTS5 syntax (`OR`, `NEAR(`, `-`, `*`, column filters). The last term gets `*`: a prefix.
 */
export function ftsExpression(terms: readonly string[]): string {
  return terms
    .map((term, i) => `"${term.replaceAll('"', '""')}"${i === terms.length - 1 ? "*" : ""}`)
    .join(" ");
}

/** A searchable vendor: its snapshot arrived and it is verified, or its verification is unknown. */
const SEARCHABLE = "d.version IS NOT NULL AND (d.verification IS NULL OR d.verification = 'VERIFIED')";

const menuText = (items: readonly MenuItemEntry[]) =>
  items.map((item) => [item.name, item.description ?? ""].join(" ").trim()).join("\n");

/**
 * Open at `@openAt`: status OPEN and, with published hours, inside an interval. Intervals of a
 * vendor never overlap, so only the last one starting by then can hold the instant: one index seek.
 */
const OPEN_AT = `d.status = 'OPEN' AND (d.has_schedule = 0 OR (
  SELECT i.end FROM search_open_intervals i WHERE i.document = d.id AND i.start <= @openAt
  ORDER BY i.start DESC LIMIT 1) > @openAt)`;

/** Boxes around a circle as SQL over `d.lat`/`d.lng`, and their parameters. */
function boxCondition(center: GeoPoint, radiusMeters: number) {
  const params: Record<string, number> = {};
  const clauses = boxesAround(center, radiusMeters).map((box, i) => {
    Object.assign(params, {
      [`south${i}`]: box.south,
      [`north${i}`]: box.north,
      [`west${i}`]: box.west,
      [`east${i}`]: box.east,
    });
    return `(d.lat BETWEEN @south${i} AND @north${i} AND d.lng BETWEEN @west${i} AND @east${i})`;
  });
  return { sql: `(${clauses.join(" OR ")})`, params };
}

/**
 * The search index in the marketplace SQLite database: `search_documents` holds one row per vendor
 * (snapshot, menu, rating, latest position), `search_text` the FTS5 index of its text under the same
 * rowid, `search_activity` the recent favorites and reviews that trending counts, and
 * `search_open_intervals` each scheduled vendor's published open intervals (epoch ms, end exclusive).
 */
export class SqliteSearchIndex implements SearchIndex {
  private readonly statements;
  private readonly shaped = new Map<string, Database.Statement<[Record<string, unknown>], unknown>>();

  constructor(private readonly db: Database.Database) {
    this.statements = {
      row: db.prepare<[string], DocumentRow>(
        `SELECT id, vendor_id, version, name, cuisines, description, verification, menu, menu_updated_at,
                rating_updated_at, recorded_at
         FROM search_documents WHERE vendor_id = ?`,
      ),
      insertRow: db.prepare<[string], { id: number }>(
        "INSERT INTO search_documents (vendor_id) VALUES (?) RETURNING id",
      ),
      setVendor: db.prepare(
        `UPDATE search_documents SET version = @version, name = @name, cuisines = @cuisines,
           status = @status, description = @description, verification = @verification WHERE id = @id`,
      ),
      setMenu: db.prepare("UPDATE search_documents SET menu = ?, menu_updated_at = ? WHERE id = ?"),
      setRating: db.prepare(
        "UPDATE search_documents SET rating_average = ?, rating_count = ?, rating_updated_at = ? WHERE id = ?",
      ),
      setPosition: db.prepare("UPDATE search_documents SET lat = ?, lng = ?, recorded_at = ? WHERE id = ?"),
      scheduleState: db.prepare<
        [number],
        { schedule_updated_at: number | null; schedule_horizon_end: number | null }
      >("SELECT schedule_updated_at, schedule_horizon_end FROM search_documents WHERE id = ?"),
      setSchedule: db.prepare(
        "UPDATE search_documents SET has_schedule = 1, schedule_updated_at = ?, schedule_horizon_end = ? WHERE id = ?",
      ),
      clearIntervals: db.prepare("DELETE FROM search_open_intervals WHERE document = ?"),
      addInterval: db.prepare(
        "INSERT OR REPLACE INTO search_open_intervals (document, start, end) VALUES (?, ?, ?)",
      ),
      deleteText: db.prepare("DELETE FROM search_text WHERE rowid = ?"),
      insertText: db.prepare(
        "INSERT INTO search_text (rowid, name, cuisines, menu, description) VALUES (?, ?, ?, ?, ?)",
      ),
      forgetActivity: db.prepare("DELETE FROM search_activity WHERE at < ?"),
      // A favorite counts from the latest time it was added, a review from its first submission.
      upsertActivity: db.prepare(
        `INSERT INTO search_activity (key, vendor_id, kind, at) VALUES (@key, @vendorId, @kind, @at)
         ON CONFLICT (key) DO UPDATE SET at = excluded.at
         WHERE (search_activity.kind = 'FAVORITE' AND excluded.at > search_activity.at)
            OR (search_activity.kind = 'REVIEW' AND excluded.at < search_activity.at)`,
      ),
      // The key range lets the primary key find the person's favorites; the exact key then tells them
      // from those of a person whose id merely starts with theirs.
      anonymizeFavorites: db.prepare<[{ prefix: string; end: string; erased: string }]>(
        `UPDATE search_activity SET key = @erased || lower(hex(randomblob(16)))
         WHERE key >= @prefix AND key < @end AND kind = 'FAVORITE' AND key = @prefix || vendor_id`,
      ),
      documents: db.prepare<[string], DocumentRow>(
        `SELECT id, vendor_id, version, name, cuisines, description, verification, menu, menu_updated_at,
                rating_updated_at, recorded_at
         FROM search_documents WHERE vendor_id IN (SELECT value FROM json_each(?))`,
      ),
    };
  }

  async clear(): Promise<void> {
    this.db.transaction(() => {
      this.db.exec(`
        DELETE FROM search_open_intervals;
        DELETE FROM search_activity;
        DELETE FROM search_text;
        DELETE FROM search_documents;
      `);
    })();
  }

  async applyVendor(entry: VendorEntry): Promise<boolean> {
    return this.db.transaction(() => {
      const row = this.rowOf(entry.vendorId);
      if (row.version !== null && row.version >= entry.version) return false;
      const description = entry.description === undefined ? row.description : entry.description;
      this.statements.setVendor.run({
        id: row.id,
        version: entry.version,
        name: entry.name,
        cuisines: JSON.stringify(entry.cuisines),
        status: entry.status,
        description,
        verification: entry.verification === undefined ? row.verification : entry.verification,
      });
      this.writeText({ ...row, name: entry.name, cuisines: JSON.stringify(entry.cuisines), description });
      return true;
    })();
  }

  async applyMenu(entry: MenuEntry): Promise<boolean> {
    return this.db.transaction(() => {
      const row = this.rowOf(entry.vendorId);
      if (row.menu_updated_at !== null && row.menu_updated_at > entry.updatedAt.getTime()) return false;
      const menu = JSON.stringify(entry.items.map(({ name, description }) => ({ name, description })));
      this.statements.setMenu.run(menu, entry.updatedAt.getTime(), row.id);
      this.writeText({ ...row, menu });
      return true;
    })();
  }

  async applyRating(entry: RatingEntry): Promise<boolean> {
    return this.db.transaction(() => {
      const row = this.rowOf(entry.vendorId);
      if (row.rating_updated_at !== null && row.rating_updated_at > entry.updatedAt.getTime()) return false;
      this.statements.setRating.run(entry.average, entry.count, entry.updatedAt.getTime(), row.id);
      return true;
    })();
  }

  async applyPosition(entry: PositionEntry): Promise<boolean> {
    return this.db.transaction(() => this.setPosition(entry))();
  }

  async applyPositions(entries: readonly PositionEntry[]): Promise<number> {
    const latest = latestPositions(entries);
    return this.db.transaction(() => latest.filter((entry) => this.setPosition(entry)).length)();
  }

  /** Inside a transaction: the row is read, then written. */
  private setPosition(entry: PositionEntry): boolean {
    const row = this.rowOf(entry.vendorId);
    if (row.recorded_at !== null && row.recorded_at > entry.recordedAt.getTime()) return false;
    this.statements.setPosition.run(entry.lat, entry.lng, entry.recordedAt.getTime(), row.id);
    return true;
  }

  async applyOpenHours(entry: OpenHoursEntry): Promise<boolean> {
    const updatedAt = entry.updatedAt.getTime();
    const horizonEnd = entry.horizonEnd.getTime();
    return this.db.transaction(() => {
      const row = this.rowOf(entry.vendorId);
      const held = this.statements.scheduleState.get(row.id);
      if (
        held?.schedule_updated_at != null &&
        (held.schedule_updated_at > updatedAt ||
          (held.schedule_updated_at === updatedAt && (held.schedule_horizon_end ?? 0) >= horizonEnd))
      )
        return false;
      this.statements.setSchedule.run(updatedAt, horizonEnd, row.id);
      this.statements.clearIntervals.run(row.id);
      for (const interval of entry.intervals)
        this.statements.addInterval.run(row.id, interval.start.getTime(), interval.end.getTime());
      return true;
    })();
  }

  async recordActivity(entry: ActivityEntry, retainSince: Date): Promise<boolean> {
    return this.db.transaction(() => {
      this.statements.forgetActivity.run(retainSince.getTime());
      if (entry.at.getTime() < retainSince.getTime()) return false;
      const { changes } = this.statements.upsertActivity.run({
        key: entry.key,
        vendorId: entry.vendorId,
        kind: entry.kind,
        at: entry.at.getTime(),
      });
      return changes > 0;
    })();
  }

  async anonymizeActivityOf(userId: string): Promise<number> {
    const prefix = favoriteActivityKey(userId, "");
    const { changes } = this.statements.anonymizeFavorites.run({
      prefix,
      end: keysAfterPrefix(prefix),
      erased: ERASED_FAVORITE_PREFIX,
    });
    return changes;
  }

  async search(query: SearchQuery): Promise<SearchCandidate[]> {
    const where = ["search_text MATCH @match", SEARCHABLE];
    const params: Record<string, unknown> = { match: ftsExpression(query.terms) };
    if (query.area) {
      const box = boxCondition(query.area.center, query.area.radiusMeters);
      where.push(box.sql);
      Object.assign(params, box.params);
    }
    if (query.openAt) {
      where.push(OPEN_AT);
      params.openAt = query.openAt.getTime();
    }
    if (query.recordedSince) {
      where.push("d.recorded_at >= @recordedSince");
      params.recordedSince = query.recordedSince.getTime();
    }
    if (query.cuisines && query.cuisines.length > 0) {
      where.push(
        "EXISTS (SELECT 1 FROM json_each(d.cuisines) c WHERE c.value IN (SELECT value FROM json_each(@cuisines)))",
      );
      params.cuisines = JSON.stringify(query.cuisines);
    }
    // Without an area the database can cut the list; with one, only exact distances can.
    const limit = query.area ? "" : "ORDER BY relevance DESC, d.vendor_id LIMIT @limit";
    if (!query.area) params.limit = query.limit;
    const { name, cuisines, menu, description } = BM25_WEIGHTS;
    const sql = `SELECT d.vendor_id, d.lat, d.lng, d.recorded_at, d.rating_average, d.rating_count,
        -bm25(search_text, ${name}, ${cuisines}, ${menu}, ${description}) AS relevance
      FROM search_text JOIN search_documents d ON d.id = search_text.rowid
      WHERE ${where.join(" AND ")} ${limit}`;
    const candidates: SearchCandidate[] = [];
    for (const row of this.statement<CandidateRow>(sql).all(params)) {
      let distanceMeters: number | null = null;
      if (query.area) {
        if (row.lat === null || row.lng === null) continue;
        distanceMeters = greatCircleMeters(query.area.center, { lat: row.lat, lng: row.lng });
        if (distanceMeters > query.area.radiusMeters) continue;
      }
      candidates.push({
        vendorId: row.vendor_id,
        relevance: row.relevance,
        distanceMeters,
        recordedAt: row.recorded_at === null ? null : new Date(row.recorded_at),
        ratingAverage: row.rating_average,
        ratingCount: row.rating_count,
      });
    }
    candidates.sort((a, b) => b.relevance - a.relevance || compareIds(a.vendorId, b.vendorId));
    return candidates.slice(0, query.limit);
  }

  async trending(query: TrendingQuery): Promise<TrendingCandidate[]> {
    const box = boxCondition(query.center, query.radiusMeters);
    const rows = this.statement<TrendingRow>(
      `SELECT d.vendor_id, d.lat, d.lng,
           sum(pow(2, -max(0, @asOf - a.at) * 1.0 / @halfLife)) AS activity,
           sum(a.kind = 'FAVORITE') AS favorites,
           sum(a.kind = 'REVIEW') AS reviews
         FROM search_documents d JOIN search_activity a ON a.vendor_id = d.vendor_id
         WHERE ${SEARCHABLE} AND ${box.sql} AND a.at >= @since
         GROUP BY d.vendor_id`,
    ).all({
      ...box.params,
      asOf: query.asOf.getTime(),
      halfLife: query.halfLifeMs,
      since: query.since.getTime(),
    });
    const candidates: TrendingCandidate[] = [];
    for (const row of rows) {
      const distanceMeters = greatCircleMeters(query.center, row);
      if (distanceMeters > query.radiusMeters) continue;
      const { vendor_id: vendorId, activity, favorites, reviews } = row;
      candidates.push({ vendorId, distanceMeters, activity, favorites, reviews });
    }
    return candidates;
  }

  async documents(vendorIds: readonly string[]): Promise<SearchDocument[]> {
    if (vendorIds.length === 0) return [];
    return this.statements.documents.all(JSON.stringify(vendorIds)).map((row) => ({
      vendorId: row.vendor_id,
      name: row.name,
      cuisines: JSON.parse(row.cuisines) as string[],
      description: row.description,
      menu: JSON.parse(row.menu) as MenuItemEntry[],
    }));
  }

  /** The vendor's row, created empty (not searchable until its snapshot) when it is new. */
  private rowOf(vendorId: string): DocumentRow {
    const row = this.statements.row.get(vendorId);
    if (row) return row;
    this.statements.insertRow.get(vendorId);
    return this.statements.row.get(vendorId) as DocumentRow;
  }

  private writeText(row: Pick<DocumentRow, "id" | "name" | "cuisines" | "menu" | "description">): void {
    this.statements.deleteText.run(row.id);
    this.statements.insertText.run(
      row.id,
      row.name,
      (JSON.parse(row.cuisines) as string[]).join(", "),
      menuText(JSON.parse(row.menu) as MenuItemEntry[]),
      row.description ?? "",
    );
  }

  /** Statements built from conditions, prepared once per shape. */
  private statement<Row>(sql: string): Database.Statement<[Record<string, unknown>], Row> {
    let statement = this.shaped.get(sql);
    if (!statement) {
      statement = this.db.prepare<Record<string, unknown>, unknown>(sql);
      this.shaped.set(sql, statement);
    }
    return statement as Database.Statement<[Record<string, unknown>], Row>;
  }
}

/** The first string after every string that starts with `prefix`, in binary order. */
const keysAfterPrefix = (prefix: string) =>
  prefix.slice(0, -1) + String.fromCharCode(prefix.charCodeAt(prefix.length - 1) + 1);

/** Vendor ids in binary order: what SQLite and MongoDB use for (ASCII) ids, so every adapter agrees. */
export const compareIds = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
