import { conditionalUpsert, conditionalUpsertMany, registerModel } from "@venta/store";
import { type Connection, type Model, Schema } from "mongoose";
import { latestPerVendor } from "./latest-positions.js";
import type { VendorPositionRecord } from "./vendor-position.record.js";
import type { VendorPositionsStore } from "./vendor-positions.store.js";

interface PositionDocument {
  _id: string;
  lat: number;
  lng: number;
  recordedAt: Date;
}

const positionSchema = new Schema<PositionDocument>(
  {
    _id: { type: String, required: true },
    lat: { type: Number, required: true },
    lng: { type: Number, required: true },
    recordedAt: { type: Date, required: true },
  },
  { collection: "loyalty_vendor_positions", versionKey: false, timestamps: false, autoIndex: false },
);

/**
 * The latest position per vendor in MongoDB, one document per vendor keyed by its id. Named apart
 * from location's `vendor_positions`, whose documents have another shape.
 */
export class MongoVendorPositionsStore implements VendorPositionsStore {
  private readonly model: Model<PositionDocument>;

  constructor(connection: Connection) {
    this.model = registerModel(connection, "VendorPosition", positionSchema);
  }

  async clear(): Promise<void> {
    await this.model.deleteMany({}).exec();
  }

  async apply(position: VendorPositionRecord): Promise<boolean> {
    // Matches the vendor only while its stored report is older; otherwise the upsert tries to insert
    // a second document with the same id, which the unique `_id` refuses: a stale report, or a first
    // report of this vendor written a moment ago, which `conditionalUpsert` tells apart.
    const result = await conditionalUpsert((upsert) =>
      this.model
        .updateOne(
          { _id: position.vendorId, recordedAt: { $lt: position.recordedAt } },
          { $set: { lat: position.lat, lng: position.lng, recordedAt: position.recordedAt } },
          { upsert },
        )
        .exec(),
    );
    return result.modifiedCount === 1 || result.upsertedCount === 1;
  }

  async applyAll(positions: readonly VendorPositionRecord[]): Promise<number> {
    // One write per vendor, so the unordered bulk write never has two for one document.
    const latest = latestPerVendor(positions);
    const result = await conditionalUpsertMany(latest.length, (indexes, upsert) =>
      this.model.bulkWrite(
        indexes.map((index) => {
          const position = latest[index] as VendorPositionRecord;
          return {
            updateOne: {
              filter: { _id: position.vendorId, recordedAt: { $lt: position.recordedAt } },
              update: { $set: { lat: position.lat, lng: position.lng, recordedAt: position.recordedAt } },
              upsert,
            },
          };
        }),
        { ordered: false },
      ),
    );
    return result.modifiedCount + result.upsertedCount;
  }

  async latest(vendorId: string): Promise<VendorPositionRecord | null> {
    const doc = await this.model.findById(vendorId).lean<PositionDocument>().exec();
    return doc ? { vendorId: doc._id, lat: doc.lat, lng: doc.lng, recordedAt: doc.recordedAt } : null;
  }
}
