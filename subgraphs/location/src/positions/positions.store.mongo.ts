import { randomUUID } from "node:crypto";
import { EARTH_RADIUS_METERS, greatCircleMeters } from "@venta/geo";
import { conditionalUpsert, isMongoDuplicateKey, pageLimit, pageOf, registerModel } from "@venta/store";
import { type ClientSession, type Connection, type Model, type PipelineStage, Schema } from "mongoose";
import {
  compareNearby,
  type NearbyArea,
  type NearbyFilter,
  type NearbyHit,
  type NearbyPage,
  type NearbyQuery,
  type PositionReport,
  type VendorAccess,
  type VendorAttributes,
  type VendorOpenHours,
} from "./position.record.js";
import type { HistoryKey, HistoryPage, PositionsStore, RecordOutcome } from "./positions.store.js";

interface GeoJsonPoint {
  type: "Point";
  /** GeoJSON order: longitude first. */
  coordinates: [number, number];
}

interface VendorPositionDocument {
  _id: string;
  /** Null until marketplace's first snapshot: such vendors are kept but never listed. */
  version: number | null;
  isOpen: boolean;
  cuisines: string[];
  ownerId?: string | null;
  /** False while marketplace has not verified the vendor: kept, but never listed. Absent: verified. */
  verified?: boolean;
  /** True once the vendor's published hours arrived; then only `openIntervals` say it is open. */
  hasSchedule?: boolean;
  /** Published open intervals, sorted, end exclusive, up to `horizonEnd`. */
  openIntervals?: { start: Date; end: Date }[];
  /** The schedule's own time and the horizon of the hours held: they order updates. */
  scheduleUpdatedAt?: Date;
  horizonEnd?: Date;
  /** The position fields are absent until the vendor's first report. */
  point?: GeoJsonPoint;
  lat?: number;
  lng?: number;
  accuracyMeters?: number | null;
  heading?: number | null;
  recordedAt?: Date;
}

interface PositionHistoryDocument {
  _id: string;
  vendorId: string;
  lat: number;
  lng: number;
  accuracyMeters: number | null;
  heading: number | null;
  recordedAt: Date;
  receivedAt: Date;
}

/** The part of a vendor document that is its current position. */
interface PositionedDocument {
  _id: string;
  lat: number;
  lng: number;
  accuracyMeters?: number | null;
  heading?: number | null;
  recordedAt: Date;
}

interface NearbyCandidate extends PositionedDocument {
  /** $geoNear's distance, on MongoDB's sphere: used only to reason about what was not fetched yet. */
  mongoDistance: number;
}

const pointSchema = new Schema<GeoJsonPoint>(
  {
    type: { type: String, enum: ["Point"], required: true },
    coordinates: { type: [Number], required: true },
  },
  { _id: false },
);

const vendorPositionSchema = new Schema<VendorPositionDocument>(
  {
    _id: { type: String, required: true },
    version: { type: Number },
    isOpen: { type: Boolean },
    cuisines: { type: [String] },
    ownerId: { type: String },
    verified: { type: Boolean },
    hasSchedule: { type: Boolean },
    openIntervals: { type: [new Schema({ start: Date, end: Date }, { _id: false })], default: undefined },
    scheduleUpdatedAt: { type: Date },
    horizonEnd: { type: Date },
    point: { type: pointSchema },
    lat: { type: Number },
    lng: { type: Number },
    accuracyMeters: { type: Number },
    heading: { type: Number },
    recordedAt: { type: Date },
  },
  { collection: "vendor_positions", versionKey: false, timestamps: false, autoIndex: false },
);
// One geo index only: with `point` first it serves every geo query, and a second 2dsphere index on
// the same field would double the index writes every position report costs. A 2dsphere index skips
// documents without `point`, so vendors that never reported stay out of it. The trailing fields let
// the status part of openNow, and recordedSince, be decided from index keys.
vendorPositionSchema.index({ point: "2dsphere", isOpen: 1, recordedAt: 1 });
// Nearby searches cannot use it ($geoNear must run on the geo index); it keeps lookups by cuisine
// outside a circle, such as operators' checks of the projection, from scanning every vendor.
vendorPositionSchema.index({ cuisines: 1 });
// The offline sweep asks which positions crossed the live window since it last looked.
vendorPositionSchema.index({ recordedAt: 1 });

const positionHistorySchema = new Schema<PositionHistoryDocument>(
  {
    _id: { type: String, required: true },
    vendorId: { type: String, required: true },
    lat: { type: Number, required: true },
    lng: { type: Number, required: true },
    accuracyMeters: { type: Number, default: null },
    heading: { type: Number, default: null },
    recordedAt: { type: Date, required: true },
    receivedAt: { type: Date, required: true },
  },
  // Times are domain data (when the device took the fix, when we heard of it), not mongoose's.
  { collection: "position_history", versionKey: false, timestamps: false, autoIndex: false },
);
positionHistorySchema.index({ vendorId: 1, recordedAt: -1, _id: -1 });

const POSITION_FIELDS = { lat: 1, lng: 1, accuracyMeters: 1, heading: 1, recordedAt: 1 } as const;

/**
 * $geoNear measures on a sphere of this radius (S2's kRadiusOfEarthInMeters); the product measures on
 * EARTH_RADIUS_METERS. Both scale the same central angle, so converting is one multiplication.
 */
const MONGO_EARTH_RADIUS_METERS = 6_378_100;
const TO_MONGO_METERS = MONGO_EARTH_RADIUS_METERS / EARTH_RADIUS_METERS;

/**
 * Room for the server's S2 arithmetic and our haversine to disagree on one distance. At the distances
 * we search they agree to about 1e-8 m; this is far above that and far below anything observable, so
 * widening server bounds by it never loses a vendor, and every final decision is made with our distance.
 */
const slack = (meters: number): number => meters * 1e-9 + 1e-6;

const toReport = (doc: PositionedDocument): PositionReport => ({
  vendorId: doc._id,
  lat: doc.lat,
  lng: doc.lng,
  accuracyMeters: doc.accuracyMeters ?? null,
  heading: doc.heading ?? null,
  recordedAt: doc.recordedAt,
});

/**
 * Only known vendors that are not unverified are ever listed. `$ne: false` also matches documents
 * from before onboarding, which have no `verified` field and were all public.
 */
const LISTED = { version: { $ne: null }, verified: { $ne: false } } as const;

/** Conditions of a nearby search other than the circle; only listed vendors are ever found. */
function matchFilter(filter: NearbyFilter): Record<string, unknown> {
  const q: Record<string, unknown> = { ...LISTED };
  if (filter.openAt) {
    // The status from the index key; the schedule from the document, for the few left.
    q.isOpen = true;
    q.$or = [
      { hasSchedule: { $ne: true } },
      { openIntervals: { $elemMatch: { start: { $lte: filter.openAt }, end: { $gt: filter.openAt } } } },
    ];
  }
  if (filter.recordedSince) q.recordedAt = { $gte: filter.recordedSince };
  if (filter.cuisines && filter.cuisines.length > 0) q.cuisines = { $in: [...filter.cuisines] };
  if (filter.within) {
    q.lat = { $gte: filter.within.south, $lte: filter.within.north };
    q.lng = { $gte: filter.within.west, $lte: filter.within.east };
  }
  return q;
}

const byNearby = (a: NearbyHit, b: NearbyHit): number =>
  compareNearby(
    { distanceMeters: a.distanceMeters, vendorId: a.position.vendorId },
    { distanceMeters: b.distanceMeters, vendorId: b.position.vendorId },
  );

/**
 * Positions in MongoDB. `vendor_positions` holds one document per vendor, its projection from
 * marketplace and its current position, so a nearby search filters inside the geo query;
 * `position_history` holds every report.
 */
export class MongoPositionsStore implements PositionsStore {
  private readonly vendors: Model<VendorPositionDocument>;
  private readonly historyEntries: Model<PositionHistoryDocument>;

  constructor(connection: Connection) {
    this.vendors = registerModel(connection, "VendorPosition", vendorPositionSchema);
    this.historyEntries = registerModel(connection, "PositionHistory", positionHistorySchema);
  }

  async applyVendor(attributes: VendorAttributes): Promise<boolean> {
    const filter = {
      _id: attributes.vendorId,
      $or: [{ version: { $lt: attributes.version } }, { version: null }],
    };
    const update = {
      $set: {
        version: attributes.version,
        isOpen: attributes.isOpen,
        ownerId: attributes.ownerId,
        verified: attributes.verified !== false,
        cuisines: [...new Set(attributes.cuisines.map((cuisine) => cuisine.toLowerCase()))],
      },
    };
    // A first position report may create the vendor between our filter and our insert.
    const result = await conditionalUpsert((upsert) =>
      this.vendors.updateOne(filter, update, { upsert, setDefaultsOnInsert: false }).exec(),
    );
    return result.matchedCount + result.upsertedCount > 0;
  }

  async applyOpenHours(hours: VendorOpenHours): Promise<boolean> {
    // Newer means a later schedule, or the same schedule with a later horizon (a refresh).
    const filter = {
      _id: hours.vendorId,
      $nor: [
        { scheduleUpdatedAt: { $gt: hours.updatedAt } },
        { scheduleUpdatedAt: hours.updatedAt, horizonEnd: { $gte: hours.horizonEnd } },
      ],
    };
    const update = {
      $set: {
        hasSchedule: true,
        openIntervals: hours.intervals.map(({ start, end }) => ({ start, end })),
        scheduleUpdatedAt: hours.updatedAt,
        horizonEnd: hours.horizonEnd,
      },
      // Hours may come before marketplace's snapshot: the vendor is kept, unlisted, until it arrives.
      $setOnInsert: { version: null, isOpen: false, cuisines: [] },
    };
    const result = await conditionalUpsert((upsert) =>
      this.vendors.updateOne(filter, update, { upsert, setDefaultsOnInsert: false }).exec(),
    );
    return result.matchedCount + result.upsertedCount > 0;
  }

  async forgetSnapshotVersions(): Promise<void> {
    // 0 is older than any snapshot, and still "known": the vendor stays listed meanwhile.
    await this.vendors.updateMany({ version: { $ne: null } }, { $set: { version: 0 } }).exec();
  }

  async forgetOpenHoursVersions(): Promise<void> {
    await this.vendors
      .updateMany({ scheduleUpdatedAt: { $exists: true } }, { $set: { scheduleUpdatedAt: new Date(0) } })
      .exec();
  }

  async vendorOwners(vendorIds: readonly string[]): Promise<Map<string, string | null>> {
    const docs = await this.vendors
      .find({ _id: { $in: [...vendorIds] }, version: { $ne: null } }, { _id: 1, ownerId: 1 })
      .lean<{ _id: string; ownerId?: string | null }[]>()
      .exec();
    return new Map(docs.map((doc) => [doc._id, doc.ownerId ?? null]));
  }

  async vendorAccess(vendorIds: readonly string[]): Promise<Map<string, VendorAccess>> {
    const docs = await this.vendors
      .find({ _id: { $in: [...vendorIds] }, version: { $ne: null } }, { _id: 1, ownerId: 1, verified: 1 })
      .lean<{ _id: string; ownerId?: string | null; verified?: boolean }[]>()
      .exec();
    return new Map(
      docs.map((doc) => [doc._id, { ownerId: doc.ownerId ?? null, listed: doc.verified !== false }]),
    );
  }

  /** One after another: each report's conditional update depends on the previous one's result. */
  async recordMany(reports: readonly PositionReport[]): Promise<RecordOutcome[]> {
    const outcomes: RecordOutcome[] = [];
    for (const report of reports) outcomes.push(await this.record(report));
    return outcomes;
  }

  async record(report: PositionReport): Promise<RecordOutcome> {
    // The two writes share no transaction (that would need a replica set). History goes first, so a
    // failure between them leaves a report in history that is not current, never a current position
    // that history lacks.
    await this.historyEntries.insertOne({
      _id: randomUUID(),
      vendorId: report.vendorId,
      lat: report.lat,
      lng: report.lng,
      accuracyMeters: report.accuracyMeters,
      heading: report.heading,
      recordedAt: report.recordedAt,
      receivedAt: new Date(),
    });

    // `null` also matches a missing field: a vendor that has not reported yet.
    const filter = {
      _id: report.vendorId,
      $or: [{ recordedAt: null }, { recordedAt: { $lte: report.recordedAt } }],
    };
    const update = {
      $set: {
        point: { type: "Point", coordinates: [report.lng, report.lat] },
        lat: report.lat,
        lng: report.lng,
        accuracyMeters: report.accuracyMeters,
        heading: report.heading,
        recordedAt: report.recordedAt,
      },
      // A vendor may report before marketplace's snapshot arrives: it is stored but stays unknown.
      $setOnInsert: { version: null, isOpen: false, cuisines: [] },
    };
    // The document as it was before the update tells where the vendor came from; null means the
    // upsert created it (a first position) or, on the plain retry, that a later position won.
    const options = {
      projection: { lat: 1, lng: 1 },
      returnDocument: "before" as const,
      setDefaultsOnInsert: false,
    };
    let before: { lat?: number; lng?: number } | null;
    let moved: boolean;
    try {
      before = await this.vendors
        .findOneAndUpdate(filter, update, { ...options, upsert: true })
        .lean<{ lat?: number; lng?: number }>()
        .exec();
      moved = true;
    } catch (error) {
      if (!isMongoDuplicateKey(error)) throw error;
      // Usually the vendor holds a later position; but the document may also have been created by a
      // concurrent write after our filter ran, so try once more as a plain update.
      before = await this.vendors
        .findOneAndUpdate(filter, update, options)
        .lean<{ lat?: number; lng?: number }>()
        .exec();
      moved = before !== null;
    }
    if (moved) {
      const previous =
        before?.lat !== undefined && before.lng !== undefined ? { lat: before.lat, lng: before.lng } : null;
      return { current: report, moved: true, previous };
    }

    const current = await this.vendors
      .findOne({ _id: report.vendorId, recordedAt: { $ne: null } }, POSITION_FIELDS)
      .lean<PositionedDocument>()
      .exec();
    // Positions are only ever replaced by later ones, so a vendor that refused ours has one.
    if (!current) throw new Error(`Vendor ${report.vendorId} refused a late report but has no position`);
    return { current: toReport(current), moved: false, previous: null };
  }

  /**
   * `recordMany` inside the caller's transaction (a position report's unit of work). Inside a
   * transaction a duplicate key aborts everything, so unlike `record` this reads the current position
   * first and never upserts against a later one; a concurrent writer makes the transaction conflict
   * and retry instead.
   */
  async write(reports: readonly PositionReport[], session: ClientSession): Promise<RecordOutcome[]> {
    if (reports.length === 0) return [];
    const receivedAt = new Date();
    await this.historyEntries.insertMany(
      reports.map((report) => ({
        _id: randomUUID(),
        vendorId: report.vendorId,
        lat: report.lat,
        lng: report.lng,
        accuracyMeters: report.accuracyMeters,
        heading: report.heading,
        recordedAt: report.recordedAt,
        receivedAt,
      })),
      { session },
    );
    const outcomes: RecordOutcome[] = [];
    for (const report of reports) {
      const before = await this.vendors
        .findOne({ _id: report.vendorId }, POSITION_FIELDS, { session })
        .lean<Partial<PositionedDocument>>()
        .exec();
      if (before?.recordedAt && before.recordedAt > report.recordedAt) {
        outcomes.push({ current: toReport(before as PositionedDocument), moved: false, previous: null });
        continue;
      }
      await this.vendors
        .updateOne(
          { _id: report.vendorId },
          {
            $set: {
              point: { type: "Point", coordinates: [report.lng, report.lat] },
              lat: report.lat,
              lng: report.lng,
              accuracyMeters: report.accuracyMeters,
              heading: report.heading,
              recordedAt: report.recordedAt,
            },
            $setOnInsert: { version: null, isOpen: false, cuisines: [] },
          },
          { upsert: true, setDefaultsOnInsert: false, session },
        )
        .exec();
      const previous =
        before?.lat !== undefined && before.lng !== undefined ? { lat: before.lat, lng: before.lng } : null;
      outcomes.push({ current: report, moved: true, previous });
    }
    return outcomes;
  }

  /**
   * Listed vendors whose current position is within `area` (a GeoJSON polygon or multipolygon) and
   * was recorded at or after `since`, for callers that test a shape of their own on them.
   */
  async listedWithin(area: object, since: Date, session?: ClientSession): Promise<PositionReport[]> {
    const docs = await this.vendors
      .find(
        { ...LISTED, recordedAt: { $gte: since }, point: { $geoWithin: { $geometry: area } } },
        POSITION_FIELDS,
        { session },
      )
      .lean<PositionedDocument[]>()
      .exec();
    return docs.map(toReport);
  }

  /** The vendor's current position, listed or not; null before its first report. */
  async positionOf(vendorId: string, session?: ClientSession): Promise<PositionReport | null> {
    const doc = await this.vendors
      .findOne({ _id: vendorId, recordedAt: { $ne: null } }, POSITION_FIELDS, { session })
      .lean<PositionedDocument>()
      .exec();
    return doc ? toReport(doc) : null;
  }

  async recordedBetween(from: Date, to: Date): Promise<PositionReport[]> {
    const docs = await this.vendors
      .find({ ...LISTED, recordedAt: { $gt: from, $lte: to } }, POSITION_FIELDS)
      .lean<PositionedDocument[]>()
      .exec();
    return docs.map(toReport);
  }

  async currentPositions(vendorIds: readonly string[]): Promise<PositionReport[]> {
    if (vendorIds.length === 0) return [];
    const docs = await this.vendors
      .find({ _id: { $in: [...vendorIds] }, recordedAt: { $ne: null } }, POSITION_FIELDS)
      .lean<PositionedDocument[]>()
      .exec();
    return docs.map(toReport);
  }

  async history(vendorId: string, first: number, before?: HistoryKey): Promise<HistoryPage> {
    const size = Math.max(0, first);
    const q: Record<string, unknown> = { vendorId };
    if (before) {
      q.$or = [
        { recordedAt: { $lt: before.recordedAt } },
        { recordedAt: before.recordedAt, _id: { $lt: before.id } },
      ];
    }
    const docs = await this.historyEntries
      .find(q)
      .sort({ recordedAt: -1, _id: -1 })
      // Never 0, which MongoDB reads as "no limit".
      .limit(pageLimit(size))
      .lean<PositionHistoryDocument[]>()
      .exec();
    const { records, hasNextPage } = pageOf(docs, size, (doc) => ({
      key: { recordedAt: doc.recordedAt, id: doc._id },
      report: {
        vendorId: doc.vendorId,
        lat: doc.lat,
        lng: doc.lng,
        accuracyMeters: doc.accuracyMeters ?? null,
        heading: doc.heading ?? null,
        recordedAt: doc.recordedAt,
      },
    }));
    return { entries: records, hasNextPage };
  }

  async nearby(query: NearbyQuery): Promise<NearbyPage> {
    const { center, radiusMeters, after } = query;
    const size = Math.max(0, query.first);
    if (!(radiusMeters >= 0)) return { hits: [], hasNextPage: false };
    const maxDistance = (radiusMeters + slack(radiusMeters)) * TO_MONGO_METERS;
    let minDistance: number | undefined;
    if (after) {
      const resumeAt = (after.distanceMeters - slack(after.distanceMeters)) * TO_MONGO_METERS;
      if (resumeAt > maxDistance) return { hits: [], hasNextPage: false };
      if (resumeAt > 0) minDistance = resumeAt;
    }

    // $geoNear orders by its own distance, which can differ from ours in the last bits, and its order
    // among equal distances is arbitrary. So fetch a prefix, order it ourselves, and trust only the
    // hits that no unfetched vendor can precede: those nearer than the farthest fetched, by a margin
    // wider than the disagreement. Widen the prefix until a full page and one more are trusted.
    // The first prefix holds that, one more to mark the frontier, and the cursor's own vendor, which
    // the lowered minDistance fetches again.
    let limit = size + 2 + (after ? 1 : 0);
    for (;;) {
      const candidates = await this.vendors
        .aggregate<NearbyCandidate>(this.nearPipeline(query, maxDistance, minDistance, limit))
        .exec();
      const exhausted = candidates.length < limit;
      let frontier = Number.POSITIVE_INFINITY;
      if (!exhausted) {
        // Results come nearest first, so the last one fetched is the farthest.
        const farthest = (candidates.at(-1)?.mongoDistance ?? 0) / TO_MONGO_METERS;
        frontier = farthest - slack(farthest);
      }
      const complete: NearbyHit[] = [];
      for (const candidate of candidates) {
        const distanceMeters = greatCircleMeters(center, candidate);
        if (distanceMeters > radiusMeters || distanceMeters >= frontier) continue;
        if (after && compareNearby({ distanceMeters, vendorId: candidate._id }, after) <= 0) continue;
        complete.push({ distanceMeters, position: toReport(candidate) });
      }
      if (exhausted || complete.length > size) {
        complete.sort(byNearby);
        return { hits: complete.slice(0, size), hasNextPage: complete.length > size };
      }
      limit *= 2;
    }
  }

  async countNearby(area: NearbyArea): Promise<number> {
    const { center, radiusMeters } = area;
    if (!(radiusMeters >= 0)) return 0;
    // $centerSphere takes the central angle, which is the same on both spheres: no radius conversion.
    // The server decides the edge with S2's arithmetic, not our haversine; the two can only disagree
    // about a vendor within about 1e-8 m of the circle.
    const angle = Math.min(Math.PI, radiusMeters / EARTH_RADIUS_METERS);
    return this.vendors
      .countDocuments({
        ...matchFilter(area.filter),
        point: { $geoWithin: { $centerSphere: [[center.lng, center.lat], angle] } },
      })
      .exec();
  }

  private nearPipeline(
    query: NearbyQuery,
    maxDistance: number,
    minDistance: number | undefined,
    limit: number,
  ): PipelineStage[] {
    return [
      {
        $geoNear: {
          near: { type: "Point", coordinates: [query.center.lng, query.center.lat] },
          key: "point",
          spherical: true,
          distanceField: "mongoDistance",
          maxDistance,
          ...(minDistance === undefined ? {} : { minDistance }),
          query: matchFilter(query.filter),
        },
      },
      { $limit: limit },
      { $project: { ...POSITION_FIELDS, mongoDistance: 1 } },
    ];
  }
}
