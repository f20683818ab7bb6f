import { conditionalUpsert, registerModel } from "@venta/store";
import { type Connection, type Model, Schema } from "mongoose";
import type { AlertClaim, FavoriteFact, VendorFact } from "./vendor-alert.record.js";
import type { VendorAlertsStore } from "./vendor-alerts.store.js";

interface FavoriteDocument {
  userId: string;
  vendorId: string;
  favorited: boolean;
  at: Date;
}

interface VendorDocument {
  _id: string;
  name: string;
  listed: boolean;
  version: number;
}

interface AlertSentDocument {
  userId: string;
  vendorId: string;
  eventId: string;
  at: Date;
}

const favoriteSchema = new Schema<FavoriteDocument>(
  {
    userId: { type: String, required: true },
    vendorId: { type: String, required: true },
    favorited: { type: Boolean, required: true },
    at: { type: Date, required: true },
  },
  { collection: "alert_favorites", versionKey: false, timestamps: false, autoIndex: false },
);
favoriteSchema.index({ userId: 1, vendorId: 1 }, { unique: true });

const vendorSchema = new Schema<VendorDocument>(
  {
    _id: { type: String, required: true },
    name: { type: String, required: true },
    listed: { type: Boolean, required: true },
    version: { type: Number, required: true },
  },
  { collection: "alert_vendors", versionKey: false, timestamps: false, autoIndex: false },
);

const alertSentSchema = new Schema<AlertSentDocument>(
  {
    userId: { type: String, required: true },
    vendorId: { type: String, required: true },
    eventId: { type: String, required: true },
    at: { type: Date, required: true },
  },
  { collection: "vendor_alerts_sent", versionKey: false, timestamps: false, autoIndex: false },
);
alertSentSchema.index({ userId: 1, vendorId: 1 }, { unique: true });

/**
 * Each conditional write here is an upsert whose filter carries the condition: when a document
 * exists but fails the condition, the upsert tries to insert a second one for the same key and
 * the unique index refuses it (E11000); `conditionalUpsert` then tells that "no" apart from a
 * document another writer created a moment ago.
 */
async function conditionally(
  write: (upsert: boolean) => Promise<{ matchedCount: number; upsertedCount: number }>,
): Promise<boolean> {
  const result = await conditionalUpsert(write);
  return result.matchedCount + result.upsertedCount > 0;
}

/** Alert projections and claims in MongoDB. */
export class MongoVendorAlertsStore implements VendorAlertsStore {
  private readonly favorites: Model<FavoriteDocument>;
  private readonly vendors: Model<VendorDocument>;
  private readonly sent: Model<AlertSentDocument>;

  constructor(connection: Connection) {
    this.favorites = registerModel<FavoriteDocument>(connection, "AlertFavorite", favoriteSchema);
    this.vendors = registerModel<VendorDocument>(connection, "AlertVendor", vendorSchema);
    this.sent = registerModel<AlertSentDocument>(connection, "VendorAlertSent", alertSentSchema);
  }

  applyFavorite(fact: FavoriteFact): Promise<boolean> {
    return conditionally((upsert) =>
      this.favorites
        .updateOne(
          { userId: fact.userId, vendorId: fact.vendorId, at: { $lte: fact.at } },
          { $set: { favorited: fact.favorited, at: fact.at } },
          { upsert },
        )
        .exec(),
    );
  }

  async isFavorite(userId: string, vendorId: string): Promise<boolean> {
    const doc = await this.favorites.findOne({ userId, vendorId }).lean<FavoriteDocument>().exec();
    return doc?.favorited === true;
  }

  applyVendor(fact: VendorFact): Promise<boolean> {
    return conditionally((upsert) =>
      this.vendors
        .updateOne(
          { _id: fact.vendorId, version: { $lt: fact.version } },
          { $set: { name: fact.name, listed: fact.listed, version: fact.version } },
          { upsert },
        )
        .exec(),
    );
  }

  async vendor(vendorId: string): Promise<VendorFact | null> {
    const doc = await this.vendors.findById(vendorId).lean<VendorDocument>().exec();
    return doc ? { vendorId: doc._id, name: doc.name, listed: doc.listed, version: doc.version } : null;
  }

  claimAlert(claim: AlertClaim): Promise<boolean> {
    return conditionally((upsert) =>
      this.sent
        .updateOne(
          {
            userId: claim.userId,
            vendorId: claim.vendorId,
            $or: [{ at: { $lte: claim.notBefore } }, { eventId: claim.eventId }],
          },
          [
            {
              $set: {
                // A redelivered event keeps its first claim's time, so retries never extend the period.
                at: { $cond: [{ $eq: ["$eventId", claim.eventId] }, "$at", claim.at] },
                eventId: claim.eventId,
              },
            },
          ],
          { upsert, updatePipeline: true },
        )
        .exec(),
    );
  }

  async eraseUser(userId: string): Promise<void> {
    await this.favorites.deleteMany({ userId }).exec();
    await this.sent.deleteMany({ userId }).exec();
  }
}
