import { randomBytes } from "node:crypto";
import { boxesAround, type GeoPoint, greatCircleMeters } from "@venta/geo";
import { conditionalUpsert, conditionalUpsertMany, registerModel } from "@venta/store";
import {
  type Connection,
  type Model,
  type PipelineStage,
  Schema,
  type UpdateWithAggregationPipeline,
} from "mongoose";
import { latestPositions } from "./latest-positions.js";
import {
  type ActivityEntry,
  type ActivityKind,
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
import { compareIds } from "./search.store.sqlite.js";
import { foldedWords } from "./search-terms.js";

/** Text index weights, as SQLite's BM25 weights: name > cuisines > menu > description. */
const TEXT_WEIGHTS = { name: 10, cuisines: 5, menuText: 2, description: 1 } as const;

interface SearchDocumentDoc {
  _id: string;
  version?: number | null;
  name?: string;
  cuisines?: string[];
  description?: string | null;
  status?: "OPEN" | "CLOSED";
  verification?: VerificationState | null;
  menu?: MenuItemEntry[];
  menuText?: string;
  menuUpdatedAt?: Date;
  /** Folded words per field, and all of them in `prefixes`: what the anchored prefix regex reads. */
  nameWords?: string[];
  cuisineWords?: string[];
  menuWords?: string[];
  descriptionWords?: string[];
  prefixes?: string[];
  ratingAverage?: number | null;
  ratingCount?: number;
  ratingUpdatedAt?: Date;
  lat?: number;
  lng?: number;
  recordedAt?: Date;
  /** True once the vendor's published hours arrived; then only `openIntervals` say it is open. */
  hasSchedule?: boolean;
  openIntervals?: { start: Date; end: Date }[];
  scheduleUpdatedAt?: Date;
  horizonEnd?: Date;
}

interface ActivityDoc {
  _id: string;
  vendorId: string;
  kind: ActivityKind;
  at: Date;
}

const documentSchema = new Schema<SearchDocumentDoc>(
  {
    _id: { type: String, required: true },
    version: { type: Number, default: null },
    name: String,
    cuisines: [String],
    description: { type: String, default: null },
    status: String,
    verification: { type: String, default: null },
    menu: [{ _id: false, name: String, description: { type: String, default: null } }],
    menuText: String,
    menuUpdatedAt: Date,
    nameWords: [String],
    cuisineWords: [String],
    menuWords: [String],
    descriptionWords: [String],
    prefixes: [String],
    ratingAverage: { type: Number, default: null },
    ratingCount: { type: Number, default: 0 },
    ratingUpdatedAt: Date,
    lat: Number,
    lng: Number,
    recordedAt: Date,
    hasSchedule: Boolean,
    openIntervals: [{ _id: false, start: Date, end: Date }],
    scheduleUpdatedAt: Date,
    horizonEnd: Date,
  },
  { collection: "search_documents", versionKey: false, timestamps: false, autoIndex: false },
);
// One text index per collection: whole words, weighted. "none" means no stemming and no stop words,
// like SQLite's unicode61; both fold case and diacritics.
documentSchema.index(
  { name: "text", cuisines: "text", menuText: "text", description: "text" },
  { name: "search_text", weights: TEXT_WEIGHTS, default_language: "none" },
);
// The word being typed: an anchored regex over folded words walks this index as a range.
documentSchema.index({ prefixes: 1 });
documentSchema.index({ lat: 1, lng: 1 });

const activitySchema = new Schema<ActivityDoc>(
  {
    _id: { type: String, required: true },
    vendorId: { type: String, required: true },
    kind: { type: String, required: true, enum: ["FAVORITE", "REVIEW"] },
    at: { type: Date, required: true },
  },
  { collection: "search_activity", versionKey: false, timestamps: false, autoIndex: false },
);
activitySchema.index({ vendorId: 1, at: 1 });
activitySchema.index({ at: 1 });

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** A value in an update pipeline or expression: never read as a field path or an operator. */
const literal = (value: unknown) => ({ $literal: value });

const SEARCHABLE = { version: { $ne: null }, verification: { $in: [null, "VERIFIED"] } };

/** `prefixes` recomputed from the per-field words inside the update, so no write can leave it stale. */
const RECOMPUTE_PREFIXES: UpdateWithAggregationPipeline[number] = {
  $set: {
    prefixes: {
      $setUnion: ["nameWords", "cuisineWords", "menuWords", "descriptionWords"].map((field) => ({
        $ifNull: [`$${field}`, []],
      })),
    },
  },
};

/** Open at `at`: status OPEN and, with published hours, inside one of its intervals. */
const openAt = (at: Date) => ({
  status: "OPEN",
  $or: [
    { hasSchedule: { $ne: true } },
    { openIntervals: { $elemMatch: { start: { $lte: at }, end: { $gt: at } } } },
  ],
});

function boxFilter(center: GeoPoint, radiusMeters: number, prefix = "") {
  return boxesAround(center, radiusMeters).map((box) => ({
    [`${prefix}lat`]: { $gte: box.south, $lte: box.north },
    [`${prefix}lng`]: { $gte: box.west, $lte: box.east },
  }));
}

/** `weight` when one of the field's words starts with `prefix`, else 0. */
const prefixWeight = (field: string, prefix: string, weight: number) => ({
  $cond: [
    {
      $anyElementTrue: [
        {
          $map: {
            input: { $ifNull: [`$${field}`, []] },
            as: "word",
            in: { $eq: [{ $indexOfCP: ["$$word", literal(prefix)] }, 0] },
          },
        },
      ],
    },
    weight,
    0,
  ],
});

interface CandidateDoc {
  _id: string;
  relevance: number;
  lat?: number;
  lng?: number;
  recordedAt?: Date;
  ratingAverage?: number | null;
  ratingCount?: number;
}

/**
 * The search index in MongoDB, without Atlas Search. Whole words go to a weighted `$text` index;
 * the word being typed is an anchored, escaped regex over `prefixes`, the folded words of every
 * field. Every query word must match (words before the last exactly, in `prefixes`), as in SQLite.
 * Differences from SQLite's FTS5: relevance is `$text`'s score (term frequency, field weights, no
 * inverse document frequency) plus the weight of the best field the prefix matched, rather than BM25;
 * only the order within one search matters, as ranking normalises it.
 */
export class MongoSearchIndex implements SearchIndex {
  private readonly docs: Model<SearchDocumentDoc>;
  private readonly activity: Model<ActivityDoc>;

  constructor(private readonly connection: Connection) {
    this.docs = registerModel(connection, "SearchDocument", documentSchema);
    this.activity = registerModel(connection, "SearchActivity", activitySchema);
  }

  async clear(): Promise<void> {
    await Promise.all([this.docs.deleteMany({}).exec(), this.activity.deleteMany({}).exec()]);
  }

  async applyVendor(entry: VendorEntry): Promise<boolean> {
    const set: Record<string, unknown> = {
      version: literal(entry.version),
      name: literal(entry.name),
      cuisines: literal(entry.cuisines),
      status: literal(entry.status),
      nameWords: literal(foldedWords(entry.name)),
      cuisineWords: literal(foldedWords(entry.cuisines.join(" "))),
    };
    if (entry.description !== undefined) {
      set.description = literal(entry.description);
      set.descriptionWords = literal(foldedWords(entry.description));
    }
    if (entry.verification !== undefined) set.verification = literal(entry.verification);
    return this.upsertIfNewer({ _id: entry.vendorId, version: { $not: { $gte: entry.version } } }, [
      { $set: set },
      RECOMPUTE_PREFIXES,
    ]);
  }

  async applyMenu(entry: MenuEntry): Promise<boolean> {
    const menu = entry.items.map(({ name, description }) => ({ name, description }));
    const text = menu.map((item) => [item.name, item.description ?? ""].join(" ").trim()).join("\n");
    return this.upsertIfNewer({ _id: entry.vendorId, menuUpdatedAt: { $not: { $gt: entry.updatedAt } } }, [
      {
        $set: {
          menu: literal(menu),
          menuText: literal(text),
          menuWords: literal(foldedWords(text)),
          menuUpdatedAt: literal(entry.updatedAt),
        },
      },
      RECOMPUTE_PREFIXES,
    ]);
  }

  async applyRating(entry: RatingEntry): Promise<boolean> {
    return this.upsertIfNewer({ _id: entry.vendorId, ratingUpdatedAt: { $not: { $gt: entry.updatedAt } } }, [
      {
        $set: {
          ratingAverage: literal(entry.average),
          ratingCount: literal(entry.count),
          ratingUpdatedAt: literal(entry.updatedAt),
        },
      },
    ]);
  }

  async applyPosition(entry: PositionEntry): Promise<boolean> {
    return this.upsertIfNewer({ _id: entry.vendorId, recordedAt: { $not: { $gt: entry.recordedAt } } }, [
      { $set: { lat: literal(entry.lat), lng: literal(entry.lng), recordedAt: literal(entry.recordedAt) } },
    ]);
  }

  async applyPositions(entries: readonly PositionEntry[]): Promise<number> {
    // One write per vendor, so the unordered bulk write never has two for one document.
    const latest = latestPositions(entries);
    const result = await conditionalUpsertMany(latest.length, (indexes, upsert) =>
      this.docs.bulkWrite(
        indexes.map((index) => {
          const entry = latest[index] as PositionEntry;
          return {
            updateOne: {
              filter: { _id: entry.vendorId, recordedAt: { $not: { $gt: entry.recordedAt } } },
              // Plain values (numbers, a date): no pipeline and no $literal needed.
              update: { $set: { lat: entry.lat, lng: entry.lng, recordedAt: entry.recordedAt } },
              upsert,
            },
          };
        }),
        { ordered: false },
      ),
    );
    return result.matchedCount + result.upsertedCount;
  }

  async applyOpenHours(entry: OpenHoursEntry): Promise<boolean> {
    // Newer means a later schedule, or the same schedule with a later horizon (a refresh).
    return this.upsertIfNewer(
      {
        _id: entry.vendorId,
        $nor: [
          { scheduleUpdatedAt: { $gt: entry.updatedAt } },
          { scheduleUpdatedAt: entry.updatedAt, horizonEnd: { $gte: entry.horizonEnd } },
        ],
      },
      [
        {
          $set: {
            hasSchedule: literal(true),
            openIntervals: literal(entry.intervals.map(({ start, end }) => ({ start, end }))),
            scheduleUpdatedAt: literal(entry.updatedAt),
            horizonEnd: literal(entry.horizonEnd),
          },
        },
      ],
    );
  }

  async recordActivity(entry: ActivityEntry, retainSince: Date): Promise<boolean> {
    await this.activity.deleteMany({ at: { $lt: retainSince } }).exec();
    if (entry.at.getTime() < retainSince.getTime()) return false;
    // A favorite counts from the latest time it was added, a review from its first submission.
    const move = entry.kind === "FAVORITE" ? { $max: { at: entry.at } } : { $min: { at: entry.at } };
    const result = await this.activity
      .updateOne(
        { _id: entry.key },
        { ...move, $setOnInsert: { vendorId: entry.vendorId, kind: entry.kind } },
        { upsert: true },
      )
      .exec();
    return result.modifiedCount + result.upsertedCount > 0;
  }

  async anonymizeActivityOf(userId: string): Promise<number> {
    const prefix = favoriteActivityKey(userId, "");
    // An `_id` cannot change in place: the detached copies replace the originals in one transaction,
    // so a retried erasure never finds a favorite counted twice, or not at all.
    return this.connection.transaction(async (session) => {
      const candidates = await this.activity
        .find({ _id: { $regex: `^${escapeRegExp(prefix)}` }, kind: "FAVORITE" }, null, { session })
        .lean<ActivityDoc[]>()
        .exec();
      // The anchored prefix walks the `_id` index; the exact key tells the person's favorites from
      // those of a person whose id merely starts with theirs.
      const theirs = candidates.filter((act) => act._id === favoriteActivityKey(userId, act.vendorId));
      if (theirs.length === 0) return 0;
      await this.activity.insertMany(
        theirs.map((act) => ({ ...act, _id: ERASED_FAVORITE_PREFIX + randomBytes(16).toString("hex") })),
        { session, lean: true },
      );
      await this.activity.deleteMany({ _id: { $in: theirs.map((act) => act._id) } }, { session }).exec();
      return theirs.length;
    });
  }

  async search(query: SearchQuery): Promise<SearchCandidate[]> {
    const whole = query.terms.slice(0, -1);
    const typing = query.terms.at(-1) as string;
    const and: Record<string, unknown>[] = [
      ...(whole.length > 0 ? [{ prefixes: { $all: whole } }] : []),
      { prefixes: { $regex: `^${escapeRegExp(typing)}` } },
    ];
    const match: Record<string, unknown> = { ...SEARCHABLE, $and: and };
    // Words are letters and digits only, so `$text` cannot see a phrase or a negation in them.
    if (whole.length > 0) match.$text = { $search: whole.join(" ") };
    if (query.area) match.$or = boxFilter(query.area.center, query.area.radiusMeters);
    // Inside `$and`: the area already takes the top-level `$or`.
    if (query.openAt) and.push(openAt(query.openAt));
    if (query.recordedSince) match.recordedAt = { $gte: query.recordedSince };
    if (query.cuisines && query.cuisines.length > 0) match.cuisines = { $in: [...query.cuisines] };
    const relevance = {
      $add: [
        whole.length > 0 ? { $meta: "textScore" } : 0,
        {
          $max: [
            prefixWeight("nameWords", typing, TEXT_WEIGHTS.name),
            prefixWeight("cuisineWords", typing, TEXT_WEIGHTS.cuisines),
            prefixWeight("menuWords", typing, TEXT_WEIGHTS.menuText),
            prefixWeight("descriptionWords", typing, TEXT_WEIGHTS.description),
          ],
        },
      ],
    };
    const pipeline: PipelineStage[] = [
      { $match: match },
      { $project: { lat: 1, lng: 1, recordedAt: 1, ratingAverage: 1, ratingCount: 1, relevance } },
    ];
    // Without an area the database can cut the list; with one, only exact distances can.
    if (!query.area) pipeline.push({ $sort: { relevance: -1, _id: 1 } }, { $limit: query.limit });
    const docs = await this.docs.aggregate<CandidateDoc>(pipeline).exec();
    const candidates: SearchCandidate[] = [];
    for (const doc of docs) {
      let distanceMeters: number | null = null;
      if (query.area) {
        if (doc.lat === undefined || doc.lng === undefined) continue;
        distanceMeters = greatCircleMeters(query.area.center, { lat: doc.lat, lng: doc.lng });
        if (distanceMeters > query.area.radiusMeters) continue;
      }
      candidates.push({
        vendorId: doc._id,
        relevance: doc.relevance,
        distanceMeters,
        recordedAt: doc.recordedAt ?? null,
        ratingAverage: doc.ratingAverage ?? null,
        ratingCount: doc.ratingCount ?? 0,
      });
    }
    candidates.sort((a, b) => b.relevance - a.relevance || compareIds(a.vendorId, b.vendorId));
    return candidates.slice(0, query.limit);
  }

  async trending(query: TrendingQuery): Promise<TrendingCandidate[]> {
    const age = { $max: [0, { $subtract: [query.asOf, "$at"] }] };
    const rows = await this.activity
      .aggregate<{
        _id: string;
        activity: number;
        favorites: number;
        reviews: number;
        lat: number;
        lng: number;
      }>([
        { $match: { at: { $gte: query.since } } },
        {
          $group: {
            _id: "$vendorId",
            activity: { $sum: { $pow: [2, { $divide: [{ $multiply: [-1, age] }, query.halfLifeMs] }] } },
            favorites: { $sum: { $cond: [{ $eq: ["$kind", "FAVORITE"] }, 1, 0] } },
            reviews: { $sum: { $cond: [{ $eq: ["$kind", "REVIEW"] }, 1, 0] } },
          },
        },
        { $lookup: { from: "search_documents", localField: "_id", foreignField: "_id", as: "doc" } },
        { $unwind: "$doc" },
        {
          $match: {
            "doc.version": { $ne: null },
            "doc.verification": { $in: [null, "VERIFIED"] },
            $or: boxFilter(query.center, query.radiusMeters, "doc."),
          },
        },
        { $project: { activity: 1, favorites: 1, reviews: 1, lat: "$doc.lat", lng: "$doc.lng" } },
      ])
      .exec();
    const candidates: TrendingCandidate[] = [];
    for (const row of rows) {
      const distanceMeters = greatCircleMeters(query.center, row);
      if (distanceMeters > query.radiusMeters) continue;
      const { _id: vendorId, activity, favorites, reviews } = row;
      candidates.push({ vendorId, distanceMeters, activity, favorites, reviews });
    }
    return candidates;
  }

  async documents(vendorIds: readonly string[]): Promise<SearchDocument[]> {
    if (vendorIds.length === 0) return [];
    const docs = await this.docs
      .find({ _id: { $in: [...vendorIds] } }, { name: 1, cuisines: 1, description: 1, menu: 1 })
      .lean<SearchDocumentDoc[]>()
      .exec();
    return docs.map((doc) => ({
      vendorId: doc._id,
      name: doc.name ?? "",
      cuisines: doc.cuisines ?? [],
      description: doc.description ?? null,
      menu: (doc.menu ?? []).map((item) => ({ name: item.name, description: item.description ?? null })),
    }));
  }

  /**
   * Applies a pipeline update where `filter` (the id and "not newer than this") matches, creating the
   * document when there is none. When a newer one exists, the filter misses, the upsert collides
   * with its id, and the update is ignored: no read-modify-write.
   */
  private async upsertIfNewer(
    filter: Record<string, unknown>,
    pipeline: UpdateWithAggregationPipeline,
  ): Promise<boolean> {
    const result = await conditionalUpsert((upsert) =>
      this.docs.updateOne(filter, pipeline, { upsert, updatePipeline: true }).exec(),
    );
    return result.matchedCount + result.upsertedCount > 0;
  }
}
