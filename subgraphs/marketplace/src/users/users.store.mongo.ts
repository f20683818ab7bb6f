import { isMongoDuplicateKey } from "@venta/kit";
import { type Connection, type Model, Schema } from "mongoose";
import type { UserRecord } from "./user.record.js";
import type { UsersStore } from "./users.store.js";

interface UserDocument {
  _id: string;
  displayName: string;
  createdAt: Date;
}

const userSchema = new Schema<UserDocument>(
  {
    _id: { type: String, required: true },
    displayName: { type: String, required: true },
    createdAt: { type: Date, required: true },
  },
  { collection: "users", versionKey: false, timestamps: false, autoIndex: false },
);

const toRecord = (doc: UserDocument): UserRecord => ({
  id: doc._id,
  displayName: doc.displayName,
  createdAt: doc.createdAt,
});

/** User accounts in MongoDB, one document per account keyed by its id. */
export class MongoUsersStore implements UsersStore {
  private readonly model: Model<UserDocument>;

  constructor(connection: Connection) {
    this.model = connection.models.User ?? connection.model<UserDocument>("User", userSchema);
  }

  async createIndexes(): Promise<void> {
    await this.model.createIndexes();
  }

  async insert(user: UserRecord): Promise<boolean> {
    try {
      // lean: the record is already valid, so it goes to the driver as is, with no document built.
      await this.model.insertMany(
        [{ _id: user.id, displayName: user.displayName, createdAt: user.createdAt }],
        {
          lean: true,
        },
      );
      return true;
    } catch (error) {
      if (isMongoDuplicateKey(error)) return false;
      throw error;
    }
  }

  async findById(id: string): Promise<UserRecord | null> {
    const doc = await this.model.findById(id).lean<UserDocument>().exec();
    return doc ? toRecord(doc) : null;
  }

  async findByIds(ids: readonly string[]): Promise<UserRecord[]> {
    if (ids.length === 0) return [];
    const docs = await this.model
      .find({ _id: { $in: [...ids] } })
      .lean<UserDocument[]>()
      .exec();
    return docs.map(toRecord);
  }
}
