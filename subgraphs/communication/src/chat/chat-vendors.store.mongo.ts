import { conditionalUpsert, registerModel } from "@venta/store";
import { type Connection, type Model, Schema } from "mongoose";
import type { ChatVendorRecord } from "./chat-vendor.record.js";
import type { ChatVendorsStore } from "./chat-vendors.store.js";

interface ChatVendorDocument {
  _id: string;
  name: string;
  ownerId: string | null;
  listed: boolean;
  version: number;
}

const chatVendorSchema = new Schema<ChatVendorDocument>(
  {
    _id: { type: String, required: true },
    name: { type: String, required: true },
    ownerId: { type: String, default: null },
    listed: { type: Boolean, required: true },
    version: { type: Number, required: true },
  },
  { collection: "chat_vendors", versionKey: false, timestamps: false, autoIndex: false },
);
chatVendorSchema.index({ ownerId: 1 });

const toRecord = (doc: ChatVendorDocument): ChatVendorRecord => ({
  vendorId: doc._id,
  name: doc.name,
  ownerId: doc.ownerId ?? null,
  listed: doc.listed,
  version: doc.version,
});

/** Chat's vendor projection in MongoDB, one document per vendor. */
export class MongoChatVendorsStore implements ChatVendorsStore {
  private readonly vendors: Model<ChatVendorDocument>;

  constructor(connection: Connection) {
    this.vendors = registerModel<ChatVendorDocument>(connection, "ChatVendor", chatVendorSchema);
  }

  /** Indexes are built at start-up, never lazily on a first request. */

  async apply(vendor: ChatVendorRecord): Promise<boolean> {
    const update = {
      $set: { name: vendor.name, ownerId: vendor.ownerId, listed: vendor.listed, version: vendor.version },
    };
    // A duplicate key means a newer (or the same) version is stored, or one was created meanwhile.
    const result = await conditionalUpsert((upsert) =>
      this.vendors
        .updateOne({ _id: vendor.vendorId, version: { $lt: vendor.version } }, update, { upsert })
        .exec(),
    );
    return result.modifiedCount + result.upsertedCount > 0;
  }

  async findMany(vendorIds: readonly string[]): Promise<ChatVendorRecord[]> {
    if (vendorIds.length === 0) return [];
    const docs = await this.vendors
      .find({ _id: { $in: [...vendorIds] } })
      .lean<ChatVendorDocument[]>()
      .exec();
    return docs.map(toRecord);
  }

  async ownedBy(ownerId: string): Promise<string[]> {
    const docs = await this.vendors
      .find({ ownerId }, { _id: 1 })
      .sort({ _id: 1 })
      .lean<Pick<ChatVendorDocument, "_id">[]>()
      .exec();
    return docs.map((doc) => doc._id);
  }
}
