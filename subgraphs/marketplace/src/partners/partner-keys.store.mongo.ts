import { PARTNER_SCOPES, type PartnerScope } from "@venta/auth";
import type { Announce, MongoOutbox } from "@venta/events";
import { isMongoDuplicateKey, pageLimit, pageOf, registerModel } from "@venta/store";
import { type Connection, type Model, Schema } from "mongoose";
import type { PartnerKeyRecord } from "./partner-key.record.js";
import {
  DuplicatePartnerKeyError,
  type PartnerKeyListOptions,
  type PartnerKeyPage,
  type PartnerKeyRevocation,
  type PartnerKeysStore,
} from "./partner-keys.store.js";

interface PartnerKeyDocument {
  _id: string;
  name: string;
  prefix: string;
  keyHash: string;
  scopes: PartnerScope[];
  createdBy: string;
  createdAt: Date;
  revokedAt: Date | null;
  lastUsedAt: Date | null;
}

const partnerKeySchema = new Schema<PartnerKeyDocument>(
  {
    _id: { type: String, required: true },
    name: { type: String, required: true },
    prefix: { type: String, required: true },
    keyHash: { type: String, required: true },
    scopes: { type: [{ type: String, enum: [...PARTNER_SCOPES] }], required: true },
    createdBy: { type: String, required: true },
    createdAt: { type: Date, required: true },
    revokedAt: { type: Date, default: null },
    lastUsedAt: { type: Date, default: null },
  },
  { collection: "partner_keys", versionKey: false, timestamps: false, autoIndex: false },
);
partnerKeySchema.index({ keyHash: 1 }, { unique: true });
partnerKeySchema.index({ createdAt: -1, _id: -1 });

const toRecord = (doc: PartnerKeyDocument): PartnerKeyRecord => ({
  id: doc._id,
  name: doc.name,
  prefix: doc.prefix,
  keyHash: doc.keyHash,
  scopes: [...doc.scopes],
  createdBy: doc.createdBy,
  createdAt: doc.createdAt,
  revokedAt: doc.revokedAt ?? null,
  lastUsedAt: doc.lastUsedAt ?? null,
});

/** Partner API keys in MongoDB, one document per key keyed by its id. */
export class MongoPartnerKeysStore implements PartnerKeysStore {
  private readonly model: Model<PartnerKeyDocument>;

  constructor(
    connection: Connection,
    private readonly outbox: MongoOutbox,
  ) {
    this.model = registerModel(connection, "PartnerKey", partnerKeySchema);
  }

  async insert(record: PartnerKeyRecord): Promise<void> {
    const { id, ...rest } = record;
    try {
      await this.model.insertMany([{ _id: id, ...rest }], { lean: true });
    } catch (error) {
      if (isMongoDuplicateKey(error)) throw new DuplicatePartnerKeyError(id);
      throw error;
    }
  }

  async findByHash(keyHash: string): Promise<PartnerKeyRecord | null> {
    const doc = await this.model.findOne({ keyHash }).lean<PartnerKeyDocument>().exec();
    return doc ? toRecord(doc) : null;
  }

  async findById(id: string): Promise<PartnerKeyRecord | null> {
    const doc = await this.model.findById(id).lean<PartnerKeyDocument>().exec();
    return doc ? toRecord(doc) : null;
  }

  async list({ first, after, includeRevoked = false }: PartnerKeyListOptions): Promise<PartnerKeyPage> {
    // `revokedAt: null` also matches a document without the field.
    const live: Record<string, unknown> = includeRevoked ? {} : { revokedAt: null };
    const q: Record<string, unknown> = { ...live };
    if (after) {
      q.$or = [
        { createdAt: { $lt: after.createdAt } },
        { createdAt: after.createdAt, _id: { $lt: after.id } },
      ];
    }
    const [docs, totalCount] = await Promise.all([
      this.model
        .find(q)
        .sort({ createdAt: -1, _id: -1 })
        .limit(pageLimit(first))
        .lean<PartnerKeyDocument[]>()
        .exec(),
      this.model.countDocuments(live).exec(),
    ]);
    return { ...pageOf(docs, first, toRecord), totalCount };
  }

  async revoke(
    id: string,
    at: Date,
    announce?: Announce<PartnerKeyRevocation | null>,
  ): Promise<PartnerKeyRevocation | null> {
    return this.outbox.record(async (session) => {
      // Only a live key is changed, so the first revocation's time stays; a key already revoked (or
      // revoked concurrently) is read back as it is, and announces nothing.
      const revoked = await this.model
        .findOneAndUpdate(
          { _id: id, revokedAt: null },
          { $set: { revokedAt: at } },
          { returnDocument: "after", session },
        )
        .lean<PartnerKeyDocument>()
        .exec();
      if (revoked) return { key: toRecord(revoked), revokedNow: true };
      const existing = await this.model.findById(id, null, { session }).lean<PartnerKeyDocument>().exec();
      return existing ? { key: toRecord(existing), revokedNow: false } : null;
    }, announce);
  }

  async touch(id: string, at: Date, minIntervalMs: number): Promise<boolean> {
    const threshold = new Date(at.getTime() - minIntervalMs);
    const result = await this.model
      .updateOne(
        { _id: id, $or: [{ lastUsedAt: null }, { lastUsedAt: { $lt: threshold } }] },
        { $set: { lastUsedAt: at } },
      )
      .exec();
    return result.modifiedCount === 1;
  }
}
