import type { Announce, MongoOutbox } from "@venta/events";
import { isMongoDuplicateKey, pageLimit, pageOf, registerModel } from "@venta/store";
import { type Connection, type Model, Schema } from "mongoose";
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

interface VendorDocument {
  _id: string;
  name: string;
  slug: string;
  description: string | null;
  cuisines: string[];
  ownerId: string;
  status: VendorStatus;
  verification: VendorVerification;
  rejectionReason: string | null;
  submittedAt: Date | null;
  version: number;
  createdAt: Date;
  updatedAt: Date;
}

const vendorSchema = new Schema<VendorDocument>(
  {
    _id: { type: String, required: true },
    name: { type: String, required: true },
    slug: { type: String, required: true },
    description: { type: String, default: null },
    cuisines: { type: [String], required: true },
    ownerId: { type: String, required: true },
    status: { type: String, required: true, enum: ["OPEN", "CLOSED"] },
    verification: {
      type: String,
      required: true,
      enum: ["DRAFT", "SUBMITTED", "VERIFIED", "REJECTED"],
    },
    rejectionReason: { type: String, default: null },
    submittedAt: { type: Date, default: null },
    version: { type: Number, required: true },
    createdAt: { type: Date, required: true },
    updatedAt: { type: Date, required: true },
  },
  // Timestamps are domain data here (the seed sets them), so mongoose must not manage them.
  { collection: "vendors", versionKey: false, timestamps: false, autoIndex: false },
);
vendorSchema.index({ slug: 1 }, { unique: true });
vendorSchema.index({ createdAt: 1, _id: 1 });
vendorSchema.index({ ownerId: 1, createdAt: 1, _id: 1 });
vendorSchema.index({ cuisines: 1 });
// What customers list (VERIFIED vendors, oldest first), and the admins' review queue.
vendorSchema.index({ verification: 1, createdAt: 1, _id: 1 });
vendorSchema.index({ verification: 1, submittedAt: 1, _id: 1 });

const toRecord = (doc: VendorDocument): VendorRecord => ({
  id: doc._id,
  name: doc.name,
  slug: doc.slug,
  description: doc.description ?? null,
  cuisines: [...doc.cuisines],
  ownerId: doc.ownerId,
  status: doc.status,
  // Documents from before onboarding are backfilled by a migration (migrations/); until then they read as public.
  verification: doc.verification ?? "VERIFIED",
  rejectionReason: doc.rejectionReason ?? null,
  submittedAt: doc.submittedAt ?? null,
  version: doc.version,
  createdAt: doc.createdAt,
  updatedAt: doc.updatedAt,
});

function query(filter: VendorFilter): Record<string, unknown> {
  const q: Record<string, unknown> = {};
  if (filter.status) q.status = filter.status;
  if (filter.ownerId) q.ownerId = filter.ownerId;
  if (filter.cuisines && filter.cuisines.length > 0) q.cuisines = { $in: [...filter.cuisines] };
  if (filter.verification) q.verification = filter.verification;
  if (filter.visibleTo) {
    const owned = filter.visibleTo.userId === null ? [] : [{ ownerId: filter.visibleTo.userId }];
    // In $and, so it never collides with the cursor's own $or.
    q.$and = [{ $or: [{ verification: "VERIFIED" }, ...owned] }];
  }
  return q;
}

/** Vendors in MongoDB, one document per vendor keyed by its id. */
export class MongoVendorsStore implements VendorsStore {
  private readonly model: Model<VendorDocument>;

  constructor(
    connection: Connection,
    private readonly outbox: MongoOutbox,
  ) {
    this.model = registerModel(connection, "Vendor", vendorSchema);
  }

  async insert(vendor: VendorRecord, announce?: Announce<void>): Promise<void> {
    const { id, ...rest } = vendor;
    try {
      await this.outbox.record(async (session) => {
        await this.model.insertMany([{ _id: id, ...rest }], { lean: true, session });
      }, announce);
    } catch (error) {
      if (isMongoDuplicateKey(error)) throw new DuplicateSlugError(vendor.slug);
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
    const set: Record<string, unknown> = { updatedAt };
    for (const [key, value] of Object.entries(changes)) if (value !== undefined) set[key] = value;
    try {
      return await this.outbox.record(async (session) => {
        const doc = await this.model
          .findOneAndUpdate(
            { _id: id, version: expectedVersion },
            { $set: set, $inc: { version: 1 } },
            { new: true, session },
          )
          .lean<VendorDocument>()
          .exec();
        return doc ? toRecord(doc) : null;
      }, announce);
    } catch (error) {
      if (isMongoDuplicateKey(error)) throw new DuplicateSlugError(String(changes.slug));
      throw error;
    }
  }

  async findById(id: string): Promise<VendorRecord | null> {
    const doc = await this.model.findById(id).lean<VendorDocument>().exec();
    return doc ? toRecord(doc) : null;
  }

  async findBySlug(slug: string): Promise<VendorRecord | null> {
    const doc = await this.model.findOne({ slug }).lean<VendorDocument>().exec();
    return doc ? toRecord(doc) : null;
  }

  async findByIds(ids: readonly string[]): Promise<VendorRecord[]> {
    if (ids.length === 0) return [];
    const docs = await this.model
      .find({ _id: { $in: [...ids] } })
      .lean<VendorDocument[]>()
      .exec();
    return docs.map(toRecord);
  }

  async list(filter: VendorFilter, first: number, after?: VendorListKey): Promise<VendorPage> {
    const q = query(filter);
    if (after) {
      q.$or = [
        { createdAt: { $gt: after.createdAt } },
        { createdAt: after.createdAt, _id: { $gt: after.id } },
      ];
    }
    const docs = await this.model
      .find(q)
      .sort({ createdAt: 1, _id: 1 })
      .limit(pageLimit(first))
      .lean<VendorDocument[]>()
      .exec();
    return pageOf(docs, first, toRecord);
  }

  count(filter: VendorFilter): Promise<number> {
    return this.model.countDocuments(query(filter)).exec();
  }

  async reviewQueue(first: number, after?: ReviewQueueKey): Promise<ReviewQueuePage> {
    const submitted = { verification: "SUBMITTED" as const };
    const q: Record<string, unknown> = { ...submitted };
    if (after) {
      q.$or = [
        { submittedAt: { $gt: after.submittedAt } },
        { submittedAt: after.submittedAt, _id: { $gt: after.id } },
      ];
    }
    const [docs, totalCount] = await Promise.all([
      this.model
        .find(q)
        .sort({ submittedAt: 1, _id: 1 })
        .limit(pageLimit(first))
        .lean<VendorDocument[]>()
        .exec(),
      this.model.countDocuments(submitted).exec(),
    ]);
    return { ...pageOf(docs, first, toRecord), totalCount };
  }
}
