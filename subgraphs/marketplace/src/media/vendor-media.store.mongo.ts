import { registerModel } from "@venta/store";
import { type Connection, type Model, Schema } from "mongoose";
import type { VendorMediaKind, VendorMediaRecord } from "./vendor-media.record.js";
import type { VendorMediaStore } from "./vendor-media.store.js";

interface VendorMediaDocument {
  _id: string;
  vendorId: string;
  kind: VendorMediaKind;
  fileName: string;
  contentType: string;
  sizeBytes: number;
  storageKey: string;
  url: string;
  uploadedBy: string;
  createdAt: Date;
}

const vendorMediaSchema = new Schema<VendorMediaDocument>(
  {
    _id: { type: String, required: true },
    vendorId: { type: String, required: true },
    kind: { type: String, required: true, enum: ["PHOTO", "BUSINESS_DOCUMENT"] },
    fileName: { type: String, required: true },
    contentType: { type: String, required: true },
    sizeBytes: { type: Number, required: true },
    storageKey: { type: String, required: true },
    url: { type: String, required: true },
    uploadedBy: { type: String, required: true },
    createdAt: { type: Date, required: true },
  },
  { collection: "vendor_media", versionKey: false, timestamps: false, autoIndex: false },
);
vendorMediaSchema.index({ storageKey: 1 }, { unique: true });
// Serves a vendor's list, and the limit check's count of the files of one kind before a new one.
vendorMediaSchema.index({ vendorId: 1, kind: 1, createdAt: 1, _id: 1 });

const toRecord = (doc: VendorMediaDocument): VendorMediaRecord => ({
  id: doc._id,
  vendorId: doc.vendorId,
  kind: doc.kind,
  fileName: doc.fileName,
  contentType: doc.contentType,
  sizeBytes: doc.sizeBytes,
  storageKey: doc.storageKey,
  url: doc.url,
  uploadedBy: doc.uploadedBy,
  createdAt: doc.createdAt,
});

/** Vendor media records in MongoDB, one document per file keyed by its id. */
export class MongoVendorMediaStore implements VendorMediaStore {
  private readonly model: Model<VendorMediaDocument>;

  constructor(connection: Connection) {
    this.model = registerModel(connection, "VendorMedia", vendorMediaSchema);
  }

  async insert(record: VendorMediaRecord, limit: number): Promise<boolean> {
    const { id, ...rest } = record;
    // Counting before inserting would let concurrent uploads all pass. Instead the record goes in
    // first and counts what is there, itself included: over the limit, it takes itself out again.
    // A record that stays counted every record that stayed before it, so the limit always holds
    // (two racing for the last place may both give up; the caller retries).
    await this.model.insertMany([{ _id: id, ...rest }], { lean: true });
    const held = await this.model.countDocuments({ vendorId: record.vendorId, kind: record.kind }).exec();
    if (held <= limit) return true;
    await this.model.deleteOne({ _id: id }).exec();
    return false;
  }

  async findById(id: string): Promise<VendorMediaRecord | null> {
    const doc = await this.model.findById(id).lean<VendorMediaDocument>().exec();
    return doc ? toRecord(doc) : null;
  }

  async findByStorageKey(storageKey: string): Promise<VendorMediaRecord | null> {
    // `String(...)`: a key is always text here, never a query operator object.
    const doc = await this.model
      .findOne({ storageKey: String(storageKey) })
      .lean<VendorMediaDocument>()
      .exec();
    return doc ? toRecord(doc) : null;
  }

  async delete(id: string): Promise<VendorMediaRecord | null> {
    // One atomic call: of two concurrent deletes exactly one gets the record.
    const doc = await this.model.findOneAndDelete({ _id: id }).lean<VendorMediaDocument>().exec();
    return doc ? toRecord(doc) : null;
  }

  async listByVendors(vendorIds: readonly string[]): Promise<VendorMediaRecord[]> {
    if (vendorIds.length === 0) return [];
    const docs = await this.model
      .find({ vendorId: { $in: [...vendorIds] } })
      .sort({ vendorId: 1, createdAt: 1, _id: 1 })
      .lean<VendorMediaDocument[]>()
      .exec();
    return docs.map(toRecord);
  }
}
