import type { Announce, MongoOutbox } from "@venta/events";
import {
  isMongoDuplicateKey,
  type KeysetSort,
  keysetAfter,
  pageLimit,
  pageOf,
  registerModel,
} from "@venta/store";
import { type Connection, type Model, Schema } from "mongoose";
import type { FavoriteCountRecord, FavoriteListKey, FavoriteRecord } from "./favorite.record.js";
import type { FavoritePage, FavoritesStore } from "./favorites.store.js";

interface FavoriteDocument {
  userId: string;
  vendorId: string;
  createdAt: Date;
}

interface FavoriteCountDocument {
  _id: string;
  count: number;
}

const favoriteSchema = new Schema<FavoriteDocument>(
  {
    userId: { type: String, required: true },
    vendorId: { type: String, required: true },
    createdAt: { type: Date, required: true },
  },
  { collection: "favorites", versionKey: false, timestamps: false, autoIndex: false },
);
favoriteSchema.index({ userId: 1, vendorId: 1 }, { unique: true });
favoriteSchema.index({ userId: 1, createdAt: -1, vendorId: -1 });

const countSchema = new Schema<FavoriteCountDocument>(
  { _id: { type: String, required: true }, count: { type: Number, required: true } },
  { collection: "vendor_favorite_counts", versionKey: false, timestamps: false, autoIndex: false },
);

const NEWEST: KeysetSort<"createdAt" | "vendorId"> = { createdAt: -1, vendorId: -1 };

const toRecord = (doc: FavoriteDocument): FavoriteRecord => ({
  userId: doc.userId,
  vendorId: doc.vendorId,
  createdAt: doc.createdAt,
});

/**
 * Favorites in MongoDB. The unique (userId, vendorId) index decides which of two racing adds (or
 * removes) changed something, and only that one moves the vendor's counter, with an atomic `$inc`.
 */
export class MongoFavoritesStore implements FavoritesStore {
  private readonly favorites: Model<FavoriteDocument>;
  private readonly counts: Model<FavoriteCountDocument>;

  constructor(
    connection: Connection,
    private readonly outbox: MongoOutbox,
  ) {
    this.favorites = registerModel(connection, "Favorite", favoriteSchema);
    this.counts = registerModel(connection, "VendorFavoriteCount", countSchema);
  }

  async add(favorite: FavoriteRecord, announce?: Announce<boolean>): Promise<boolean> {
    try {
      return await this.outbox.record(async (session) => {
        await this.favorites.insertMany([favorite], { lean: true, session });
        // The vendor's one count document: racing transactions conflict on it and are retried whole.
        await this.counts
          .updateOne({ _id: favorite.vendorId }, { $inc: { count: 1 } }, { upsert: true, session })
          .exec();
        return true;
      }, announce);
    } catch (error) {
      // Thrown out of the transaction, which is then aborted whole: nothing was written or announced.
      if (isMongoDuplicateKey(error)) return false;
      throw error;
    }
  }

  async remove(userId: string, vendorId: string, announce?: Announce<boolean>): Promise<boolean> {
    return this.outbox.record(async (session) => {
      const result = await this.favorites.deleteOne({ userId, vendorId }, { session }).exec();
      if (result.deletedCount !== 1) return false;
      await this.counts.updateOne({ _id: vendorId }, { $inc: { count: -1 } }, { session }).exec();
      return true;
    }, announce);
  }

  async listByUser(userId: string, first: number, after?: FavoriteListKey): Promise<FavoritePage> {
    const docs = await this.favorites
      .find({ userId, ...(after && keysetAfter(NEWEST, after)) })
      .sort(NEWEST)
      .limit(pageLimit(first))
      .lean<FavoriteDocument[]>()
      .exec();
    return pageOf(docs, first, toRecord);
  }

  countByUser(userId: string): Promise<number> {
    return this.favorites.countDocuments({ userId }).exec();
  }

  async favoritedAmong(userId: string, vendorIds: readonly string[]): Promise<string[]> {
    if (vendorIds.length === 0) return [];
    const docs = await this.favorites
      .find({ userId, vendorId: { $in: [...vendorIds] } }, { vendorId: 1 })
      .lean<Pick<FavoriteDocument, "vendorId">[]>()
      .exec();
    return docs.map((doc) => doc.vendorId);
  }

  async countsOf(vendorIds: readonly string[]): Promise<FavoriteCountRecord[]> {
    if (vendorIds.length === 0) return [];
    const docs = await this.counts
      .find({ _id: { $in: [...vendorIds] } })
      .lean<FavoriteCountDocument[]>()
      .exec();
    return docs.map((doc) => ({ vendorId: doc._id, count: doc.count }));
  }
}
