import type { MongoOutbox } from "@venta/events";
import type { GeoPoint } from "@venta/geo";
import { pageLimit, pageOf, registerModel } from "@venta/store";
import { type ClientSession, type Connection, type Model, Schema } from "mongoose";
import type { PositionReport } from "../positions/position.record.js";
import type { RecordOutcome } from "../positions/positions.store.js";
import type { MongoPositionsStore } from "../positions/positions.store.mongo.js";
import { coveringArea, type GeoJsonMultiPolygon } from "./covering-area.js";
import {
  crossingEvents,
  EXIT_MARGIN_METERS,
  fenceIdentity,
  heldInside,
  isLive,
  membershipChanges,
} from "./fence-evaluation.js";
import { fenceGeometry, geometryContains, geometryHolds, shapeBoxes } from "./geofence.geometry.js";
import type {
  FenceIdentity,
  FenceTransition,
  GeofenceKind,
  GeofenceListKey,
  GeofencePage,
  GeofenceRecord,
  GeofenceShape,
  OccupantKey,
  OccupantPage,
  Transition,
  TransitionCause,
} from "./geofence.record.js";
import type {
  FenceWrite,
  GeofenceChanges,
  GeofencesStore,
  OfflineSweep,
  TrackingClock,
} from "./geofences.store.js";

interface GeofenceDocument {
  _id: string;
  kind: GeofenceKind;
  ownerId: string;
  name: string;
  shape: GeofenceShape;
  roaming: boolean;
  createdAt: Date;
  updatedAt: Date;
  /** The boxes around the shape, as GeoJSON: what the 2dsphere index finds a point's fences by. */
  area: GeoJsonMultiPolygon;
}

interface MembershipDocument {
  /** `fenceId` and `vendorId` together: one membership per pair. */
  _id: string;
  fenceId: string;
  vendorId: string;
  enteredAt: Date;
}

/** A vendor inside at least one fence, with its position's time: the offline sweep's index. */
interface FencedVendorDocument {
  _id: string;
  recordedAt: Date;
}

/** How many fences of one kind an owner has: the document concurrent creations conflict on. */
interface FenceCountDocument {
  _id: string;
  count: number;
}

const geofenceSchema = new Schema<GeofenceDocument>(
  {
    _id: { type: String, required: true },
    kind: { type: String, required: true },
    ownerId: { type: String, required: true },
    name: { type: String, required: true },
    shape: { type: Schema.Types.Mixed, required: true },
    roaming: { type: Boolean, required: true },
    createdAt: { type: Date, required: true },
    updatedAt: { type: Date, required: true },
    area: { type: Schema.Types.Mixed, required: true },
  },
  { collection: "geofences", versionKey: false, timestamps: false, autoIndex: false },
);
// A position's look-up: the fences whose area holds the point, of the kinds that watch the vendor.
geofenceSchema.index({ area: "2dsphere", kind: 1, ownerId: 1 });
geofenceSchema.index({ kind: 1, ownerId: 1, createdAt: -1, _id: -1 });
geofenceSchema.index({ ownerId: 1, roaming: 1 });

const membershipSchema = new Schema<MembershipDocument>(
  {
    _id: { type: String, required: true },
    fenceId: { type: String, required: true },
    vendorId: { type: String, required: true },
    enteredAt: { type: Date, required: true },
  },
  { collection: "geofence_memberships", versionKey: false, timestamps: false, autoIndex: false },
);
membershipSchema.index({ vendorId: 1 });
membershipSchema.index({ fenceId: 1, enteredAt: -1, vendorId: -1 });

const fencedVendorSchema = new Schema<FencedVendorDocument>(
  { _id: { type: String, required: true }, recordedAt: { type: Date, required: true } },
  { collection: "fenced_vendors", versionKey: false, timestamps: false, autoIndex: false },
);
fencedVendorSchema.index({ recordedAt: 1 });

/** A person whose account was deleted: their alert zones are gone and none may be created again. */
interface ErasedPersonDocument {
  _id: string;
  erasedAt: Date;
}

const erasedPersonSchema = new Schema<ErasedPersonDocument>(
  { _id: { type: String, required: true }, erasedAt: { type: Date, required: true } },
  { collection: "erased_people", versionKey: false, timestamps: false, autoIndex: false },
);

const fenceCountSchema = new Schema<FenceCountDocument>(
  { _id: { type: String, required: true }, count: { type: Number, required: true } },
  { collection: "geofence_counts", versionKey: false, timestamps: false, autoIndex: false },
);

const membershipId = (fenceId: string, vendorId: string) => JSON.stringify([fenceId, vendorId]);
const countId = (kind: GeofenceKind, ownerId: string) => JSON.stringify([kind, ownerId]);

const toRecord = (doc: GeofenceDocument): GeofenceRecord => ({
  id: doc._id,
  kind: doc.kind,
  ownerId: doc.ownerId,
  name: doc.name,
  shape: doc.shape,
  roaming: doc.roaming,
  createdAt: doc.createdAt,
  updatedAt: doc.updatedAt,
});

const RECORD_FIELDS = { area: 0 } as const;

/** What a report that did not move its vendor crossed. */
const NO_CROSSINGS: readonly FenceTransition[] = [];

/**
 * Geofences in MongoDB, beside the positions. Each fence keeps, besides its shape, `area`: a GeoJSON
 * multipolygon of its bounding boxes with a margin (see `coveringArea`), under a 2dsphere index.
 * A position finds its candidate fences with `$geoIntersects` on that index, then the exact shape
 * test decides, as in SQLite. Circles are kept as centre and radius rather than as polygons, whose
 * chords would cut off the circle's rim.
 *
 * Every write that changes memberships runs in one transaction with the position writes and the
 * outbox, so it needs a replica set (a single node will do), as the outbox does.
 */
export class MongoGeofencesStore implements GeofencesStore {
  private readonly fences: Model<GeofenceDocument>;
  private readonly memberships: Model<MembershipDocument>;
  private readonly fenced: Model<FencedVendorDocument>;
  private readonly counts: Model<FenceCountDocument>;
  private readonly erased: Model<ErasedPersonDocument>;

  constructor(
    connection: Connection,
    private readonly positions: MongoPositionsStore,
    private readonly outbox: MongoOutbox,
  ) {
    this.fences = registerModel(connection, "Geofence", geofenceSchema);
    this.memberships = registerModel(connection, "GeofenceMembership", membershipSchema);
    this.fenced = registerModel(connection, "FencedVendor", fencedVendorSchema);
    this.counts = registerModel(connection, "GeofenceCount", fenceCountSchema);
    this.erased = registerModel(connection, "ErasedPerson", erasedPersonSchema);
  }

  async create(fence: GeofenceRecord, limit: number, clock: TrackingClock): Promise<FenceWrite | null> {
    return this.outbox.transaction(async (session) => {
      // Read, then written: two creations at once conflict on this document and one is retried.
      const _id = countId(fence.kind, fence.ownerId);
      const counted = await this.counts.findOne({ _id }, null, { session }).lean<FenceCountDocument>().exec();
      if ((counted?.count ?? 0) >= limit) return null;
      if (fence.kind === "ALERT_ZONE" && (await this.erased.exists({ _id: fence.ownerId }).session(session)))
        return null;
      await this.counts.updateOne({ _id }, { $inc: { count: 1 } }, { upsert: true, session }).exec();
      await this.fences.insertMany([{ _id: fence.id, ...this.document(fence) }], { session });
      const transitions = await this.place(fence, clock, session);
      await this.outbox.add(crossingEvents(transitions, clock.now), session);
      return { fence, transitions };
    });
  }

  async update(id: string, changes: GeofenceChanges, clock: TrackingClock): Promise<FenceWrite | null> {
    return this.outbox.transaction(async (session) => {
      const doc = await this.fences
        .findOne({ _id: id }, RECORD_FIELDS, { session })
        .lean<GeofenceDocument>()
        .exec();
      if (!doc) return null;
      const before = toRecord(doc);
      const fence: GeofenceRecord = {
        ...before,
        name: changes.name ?? before.name,
        shape: changes.shape ?? before.shape,
        roaming: changes.roaming ?? before.roaming,
        updatedAt: clock.now,
      };
      const transitions = await this.rewrite(fence, changes.shape !== undefined, clock, session);
      await this.outbox.add(crossingEvents(transitions, clock.now), session);
      return { fence, transitions };
    });
  }

  async erasePerson(personId: string, at: Date): Promise<number> {
    return this.outbox.transaction(async (session) => {
      await this.erased
        .updateOne({ _id: personId }, { $setOnInsert: { erasedAt: at } }, { upsert: true, session })
        .exec();
      // Every creation reads and writes this document too: a creation running alongside conflicts
      // with this transaction and is retried, then sees the person erased. Snapshot reads alone
      // would let it insert a zone this erasure never saw.
      await this.counts
        .updateOne(
          { _id: countId("ALERT_ZONE", personId) },
          { $set: { count: 0 } },
          { upsert: true, session },
        )
        .exec();
      const zones = await this.fences
        .find({ kind: "ALERT_ZONE", ownerId: personId }, { _id: 1 }, { session })
        .lean<Pick<GeofenceDocument, "_id">[]>()
        .exec();
      const ids = zones.map((zone) => zone._id);
      if (ids.length === 0) return 0;
      await this.fences.deleteMany({ _id: { $in: ids } }, { session }).exec();
      await this.memberships.deleteMany({ fenceId: { $in: ids } }, { session }).exec();
      return ids.length;
    });
  }

  async isErased(personId: string): Promise<boolean> {
    return (await this.erased.exists({ _id: personId })) !== null;
  }

  async delete(id: string): Promise<boolean> {
    return this.outbox.transaction(async (session) => {
      const doc = await this.fences
        .findOneAndDelete({ _id: id }, { projection: { kind: 1, ownerId: 1 }, session })
        .lean<Pick<GeofenceDocument, "_id" | "kind" | "ownerId">>()
        .exec();
      if (!doc) return false;
      await this.counts
        .updateOne({ _id: countId(doc.kind, doc.ownerId) }, { $inc: { count: -1 } }, { session })
        .exec();
      await this.memberships.deleteMany({ fenceId: id }, { session }).exec();
      return true;
    });
  }

  async get(id: string): Promise<GeofenceRecord | null> {
    const doc = await this.fences.findOne({ _id: id }, RECORD_FIELDS).lean<GeofenceDocument>().exec();
    return doc ? toRecord(doc) : null;
  }

  async listByOwner(
    kind: GeofenceKind,
    ownerId: string,
    first: number,
    after?: GeofenceListKey,
  ): Promise<GeofencePage> {
    const size = Math.max(0, first);
    const q: Record<string, unknown> = { kind, ownerId };
    if (after)
      q.$or = [
        { createdAt: { $lt: after.createdAt } },
        { createdAt: after.createdAt, _id: { $lt: after.id } },
      ];
    const docs = await this.fences
      .find(q, RECORD_FIELDS)
      .sort({ createdAt: -1, _id: -1 })
      // Never 0, which MongoDB reads as "no limit".
      .limit(pageLimit(size))
      .lean<GeofenceDocument[]>()
      .exec();
    const { records, hasNextPage } = pageOf(docs, size, toRecord);
    return { fences: records, hasNextPage };
  }

  countByOwner(kind: GeofenceKind, ownerId: string): Promise<number> {
    return this.fences.countDocuments({ kind, ownerId }).exec();
  }

  async occupants(fenceId: string, first: number, after?: OccupantKey): Promise<OccupantPage> {
    const size = Math.max(0, first);
    const q: Record<string, unknown> = { fenceId };
    if (after)
      q.$or = [
        { enteredAt: { $lt: after.enteredAt } },
        { enteredAt: after.enteredAt, vendorId: { $lt: after.vendorId } },
      ];
    const docs = await this.memberships
      .find(q)
      .sort({ enteredAt: -1, vendorId: -1 })
      .limit(pageLimit(size))
      .lean<MembershipDocument[]>()
      .exec();
    const { records, hasNextPage } = pageOf(docs, size, (doc) => ({
      vendorId: doc.vendorId,
      enteredAt: doc.enteredAt,
    }));
    return { occupants: records, hasNextPage };
  }

  async moveRoaming(ownerId: string, center: GeoPoint, clock: TrackingClock): Promise<FenceWrite[]> {
    return this.outbox.transaction(async (session) => {
      const docs = await this.fences
        .find({ ownerId, roaming: true, kind: "ALERT_ZONE" }, RECORD_FIELDS, { session })
        .sort({ _id: 1 })
        .lean<GeofenceDocument[]>()
        .exec();
      const writes: FenceWrite[] = [];
      for (const doc of docs) {
        const before = toRecord(doc);
        if (before.shape.type !== "CIRCLE") continue;
        const fence: GeofenceRecord = {
          ...before,
          shape: { ...before.shape, center: { lat: center.lat, lng: center.lng } },
          updatedAt: clock.now,
        };
        writes.push({ fence, transitions: await this.rewrite(fence, true, clock, session) });
      }
      await this.outbox.add(
        crossingEvents(
          writes.flatMap((write) => write.transitions),
          clock.now,
        ),
        session,
      );
      return writes;
    });
  }

  /**
   * The fence crossings of the reports' moves, for each outcome in order (none for a report that did
   * not move its vendor), each moved vendor's memberships brought up to date; in the position
   * report's transaction (see `MongoPositionReports`).
   */
  async evaluate(
    outcomes: readonly RecordOutcome[],
    listed: ReadonlySet<string>,
    clock: TrackingClock,
    session: ClientSession,
  ): Promise<(readonly FenceTransition[])[]> {
    const crossings: (readonly FenceTransition[])[] = [];
    const identities = new Map<string, FenceIdentity>();
    for (const outcome of outcomes) {
      crossings.push(
        outcome.moved
          ? await this.follow(
              outcome.current,
              listed.has(outcome.current.vendorId),
              clock,
              identities,
              session,
            )
          : NO_CROSSINGS,
      );
    }
    return crossings;
  }

  async sweepOffline(clock: TrackingClock, limit: number): Promise<OfflineSweep> {
    return this.outbox.transaction(async (session) => {
      const stale = await this.fenced
        .find({ recordedAt: { $lt: clock.liveSince } }, { _id: 1 }, { session })
        .sort({ recordedAt: 1 })
        .limit(Math.max(1, limit))
        .lean<{ _id: string }[]>()
        .exec();
      const transitions: FenceTransition[] = [];
      const identities = new Map<string, FenceIdentity>();
      for (const { _id: vendorId } of stale) {
        const position = await this.positions.positionOf(vendorId, session);
        const memberships = await this.memberships
          .find({ vendorId }, { fenceId: 1 }, { session })
          .lean<{ fenceId: string }[]>()
          .exec();
        await this.memberships.deleteMany({ vendorId }, { session }).exec();
        await this.fenced.deleteOne({ _id: vendorId }, { session }).exec();
        if (!position) continue;
        for (const { fenceId } of memberships) {
          const fence = await this.identity(fenceId, identities, session);
          if (fence)
            transitions.push(transition(fence, vendorId, "EXIT", position, clock.now, "VENDOR_OFFLINE"));
        }
      }
      await this.outbox.add(crossingEvents(transitions, clock.now), session);
      return { vendors: stale.length, transitions };
    });
  }

  /** A vendor's memberships brought up to date with its new position; returns the crossings. */
  private async follow(
    position: PositionReport,
    listed: boolean,
    clock: TrackingClock,
    identities: Map<string, FenceIdentity>,
    session: ClientSession,
  ): Promise<FenceTransition[]> {
    const { vendorId } = position;
    const current = new Set(
      (
        await this.memberships
          .find({ vendorId }, { fenceId: 1 }, { session })
          .lean<{ fenceId: string }[]>()
          .exec()
      ).map((m) => m.fenceId),
    );
    // Fences the vendor is exactly inside, and fences it was in and is still within the exit margin of.
    const inside = new Map<string, GeofenceDocument>();
    if (isLive(position, clock.liveSince)) {
      const watches = (doc: GeofenceDocument) =>
        doc.kind === "ALERT_ZONE" ? listed : doc.kind === "VENDOR_ZONE" && doc.ownerId === vendorId;
      const consider = (doc: GeofenceDocument) => {
        if (!watches(doc)) return;
        const geometry = fenceGeometry(doc.shape);
        if (
          geometryContains(geometry, position) ||
          (current.has(doc._id) && geometryHolds(geometry, position, EXIT_MARGIN_METERS))
        )
          inside.set(doc._id, doc);
      };
      const watching: Record<string, unknown>[] = [{ kind: "VENDOR_ZONE", ownerId: vendorId }];
      if (listed) watching.push({ kind: "ALERT_ZONE" });
      const candidates = await this.fences
        .find(
          {
            area: {
              $geoIntersects: { $geometry: { type: "Point", coordinates: [position.lng, position.lat] } },
            },
            $or: watching,
          },
          RECORD_FIELDS,
          { session },
        )
        .lean<GeofenceDocument[]>()
        .exec();
      for (const doc of candidates) consider(doc);
      // A fence the vendor was in whose area no longer holds it may still be within the margin.
      const looked = new Set(candidates.map((doc) => doc._id));
      const unseen = [...current].filter((fenceId) => !looked.has(fenceId));
      if (unseen.length > 0) {
        const docs = await this.fences
          .find({ _id: { $in: unseen } }, RECORD_FIELDS, { session })
          .lean<GeofenceDocument[]>()
          .exec();
        for (const doc of docs) consider(doc);
      }
    }
    if (inside.size === 0 && current.size === 0) return [];
    const { entered, exited } = membershipChanges(current, new Set(inside.keys()));
    for (const fenceId of entered) {
      const doc = inside.get(fenceId);
      if (doc && !identities.has(fenceId)) identities.set(fenceId, fenceIdentity(toRecord(doc)));
    }
    const at = position.recordedAt;
    if (entered.length > 0)
      await this.memberships.insertMany(
        entered.map((fenceId) => ({
          _id: membershipId(fenceId, vendorId),
          fenceId,
          vendorId,
          enteredAt: at,
        })),
        { session },
      );
    if (exited.length > 0)
      await this.memberships
        .deleteMany({ _id: { $in: exited.map((fenceId) => membershipId(fenceId, vendorId)) } }, { session })
        .exec();
    if (inside.size > 0)
      await this.fenced
        .updateOne({ _id: vendorId }, { $set: { recordedAt: at } }, { upsert: true, session })
        .exec();
    else await this.fenced.deleteOne({ _id: vendorId }, { session }).exec();
    const transitions: FenceTransition[] = [];
    for (const [changed, kind] of [
      [entered, "ENTER"],
      [exited, "EXIT"],
    ] as const) {
      for (const fenceId of changed) {
        const fence = await this.identity(fenceId, identities, session);
        if (fence) transitions.push(transition(fence, vendorId, kind, position, at, "VENDOR_MOVED"));
      }
    }
    return transitions;
  }

  /** Stores a fence's new state; a new shape re-decides who is inside. */
  private async rewrite(
    fence: GeofenceRecord,
    reshaped: boolean,
    clock: TrackingClock,
    session: ClientSession,
  ): Promise<FenceTransition[]> {
    await this.fences.updateOne({ _id: fence.id }, { $set: this.document(fence) }, { session }).exec();
    return reshaped ? this.place(fence, clock, session) : [];
  }

  /**
   * Who is inside a fence at its (new) place: for an alert zone, the listed vendors with a live
   * position in its boxes, found through the positions' 2dsphere index, then tested against the
   * shape; for a vendor zone, its vendor alone.
   */
  private async place(
    fence: GeofenceRecord,
    clock: TrackingClock,
    session: ClientSession,
  ): Promise<FenceTransition[]> {
    const current = new Set(
      (
        await this.memberships
          .find({ fenceId: fence.id }, { vendorId: 1 }, { session })
          .lean<{ vendorId: string }[]>()
          .exec()
      ).map((m) => m.vendorId),
    );
    const candidates: PositionReport[] = [];
    if (fence.kind === "ALERT_ZONE") {
      const area = coveringArea(shapeBoxes(fence.shape, EXIT_MARGIN_METERS));
      for (const position of await this.positions.listedWithin(area, clock.liveSince, session))
        candidates.push(position);
    } else {
      const position = await this.positions.positionOf(fence.ownerId, session);
      if (position && isLive(position, clock.liveSince)) candidates.push(position);
    }
    const inside = heldInside(fence.shape, current, candidates);
    const { entered, exited } = membershipChanges(current, new Set(inside.keys()));
    const identity = fenceIdentity(fence);
    const transitions: FenceTransition[] = [];
    if (entered.length > 0) {
      await this.memberships.insertMany(
        entered.map((vendorId) => ({
          _id: membershipId(fence.id, vendorId),
          fenceId: fence.id,
          vendorId,
          enteredAt: clock.now,
        })),
        { session },
      );
      for (const vendorId of entered) {
        const position = inside.get(vendorId) as PositionReport;
        await this.fenced
          .updateOne(
            { _id: vendorId },
            { $set: { recordedAt: position.recordedAt } },
            { upsert: true, session },
          )
          .exec();
        transitions.push(transition(identity, vendorId, "ENTER", position, clock.now, "FENCE_MOVED"));
      }
    }
    if (exited.length > 0) {
      await this.memberships
        .deleteMany({ _id: { $in: exited.map((vendorId) => membershipId(fence.id, vendorId)) } }, { session })
        .exec();
      for (const vendorId of exited) {
        const position = await this.positions.positionOf(vendorId, session);
        if (position)
          transitions.push(transition(identity, vendorId, "EXIT", position, clock.now, "FENCE_MOVED"));
      }
    }
    return transitions;
  }

  private async identity(
    fenceId: string,
    identities: Map<string, FenceIdentity>,
    session: ClientSession,
  ): Promise<FenceIdentity | null> {
    const known = identities.get(fenceId);
    if (known) return known;
    const doc = await this.fences
      .findOne({ _id: fenceId }, RECORD_FIELDS, { session })
      .lean<GeofenceDocument>()
      .exec();
    if (!doc) return null;
    const identity = fenceIdentity(toRecord(doc));
    identities.set(fenceId, identity);
    return identity;
  }

  private document(fence: GeofenceRecord): Omit<GeofenceDocument, "_id"> {
    return {
      kind: fence.kind,
      ownerId: fence.ownerId,
      name: fence.name,
      shape: fence.shape,
      roaming: fence.roaming,
      createdAt: fence.createdAt,
      updatedAt: fence.updatedAt,
      area: coveringArea(shapeBoxes(fence.shape)),
    };
  }
}

function transition(
  fence: FenceIdentity,
  vendorId: string,
  kind: Transition,
  point: GeoPoint,
  at: Date,
  cause: TransitionCause,
): FenceTransition {
  return { fence, vendorId, transition: kind, point: { lat: point.lat, lng: point.lng }, at, cause };
}
