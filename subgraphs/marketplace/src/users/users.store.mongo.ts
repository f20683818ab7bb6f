import type { Announce, MongoOutbox } from "@venta/events";
import { isMongoDuplicateKey, registerModel } from "@venta/store";
import { type Connection, type Model, Schema } from "mongoose";
import type { UserRecord } from "./user.record.js";
import {
  type ChannelSwitches,
  DELETED_USER_NAME,
  type DietaryTag,
  type NotificationCategory,
  type ProfilePatch,
  type UserProfileRecord,
} from "./user-profile.record.js";
import type { ProfileUpdateOutcome, UsersStore } from "./users.store.js";

interface ProfileDocument {
  bio?: string | null;
  avatarUrl?: string | null;
  locale?: string | null;
  timeZone?: string | null;
  favoriteCuisines?: string[];
  dietaryTags?: DietaryTag[];
  notifications?: Partial<Record<NotificationCategory, ChannelSwitches>>;
  updatedAt?: Date;
}

interface UserDocument {
  _id: string;
  displayName: string;
  createdAt: Date;
  /** Absent until the person first sets something. */
  profile?: ProfileDocument;
  deletedAt?: Date | null;
}

const userSchema = new Schema<UserDocument>(
  {
    _id: { type: String, required: true },
    displayName: { type: String, required: true },
    createdAt: { type: Date, required: true },
    // The profile is written with atomic `$set`s on paths, so mongoose needs no shape for it.
    profile: { type: Schema.Types.Mixed, default: undefined },
    deletedAt: { type: Date, default: undefined },
  },
  { collection: "users", versionKey: false, timestamps: false, autoIndex: false, minimize: true },
);

const toRecord = (doc: UserDocument): UserRecord => ({
  id: doc._id,
  displayName: doc.displayName,
  createdAt: doc.createdAt,
});

const toProfile = (doc: UserDocument): UserProfileRecord => {
  const p = doc.profile ?? {};
  return {
    userId: doc._id,
    bio: p.bio ?? null,
    avatarUrl: p.avatarUrl ?? null,
    locale: p.locale ?? null,
    timeZone: p.timeZone ?? null,
    preferences: {
      favoriteCuisines: [...(p.favoriteCuisines ?? [])],
      dietaryTags: [...(p.dietaryTags ?? [])],
      notifications: { ...(p.notifications ?? {}) },
    },
    deletedAt: doc.deletedAt ?? null,
    updatedAt: p.updatedAt ?? doc.deletedAt ?? doc.createdAt,
  };
};

const SCALAR_FIELDS = [
  "bio",
  "avatarUrl",
  "locale",
  "timeZone",
  "favoriteCuisines",
  "dietaryTags",
] as const satisfies readonly (keyof ProfilePatch)[];

/**
 * User accounts in MongoDB, one document per account keyed by its id. The profile lives inside the
 * account's document, so a profile change (display name included) is a single atomic update.
 */
export class MongoUsersStore implements UsersStore {
  private readonly model: Model<UserDocument>;

  constructor(
    connection: Connection,
    private readonly outbox: MongoOutbox,
  ) {
    this.model = registerModel(connection, "User", userSchema);
  }

  async insert(user: UserRecord, announce?: Announce<boolean>): Promise<boolean> {
    try {
      return await this.outbox.record(async (session) => {
        // lean: the record is already valid, so it goes to the driver as is, with no document built.
        await this.model.insertMany(
          [{ _id: user.id, displayName: user.displayName, createdAt: user.createdAt }],
          { lean: true, session },
        );
        return true;
      }, announce);
    } catch (error) {
      // Thrown out of the transaction, which is then aborted whole: nothing was written or announced.
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

  async findProfiles(userIds: readonly string[]): Promise<UserProfileRecord[]> {
    if (userIds.length === 0) return [];
    const docs = await this.model
      .find({
        _id: { $in: [...userIds] },
        $or: [{ profile: { $exists: true } }, { deletedAt: { $type: "date" } }],
      })
      .lean<UserDocument[]>()
      .exec();
    return docs.map(toProfile);
  }

  async updateProfile(
    userId: string,
    patch: ProfilePatch,
    at: Date,
    announce?: Announce<ProfileUpdateOutcome>,
  ): Promise<ProfileUpdateOutcome> {
    const set: Record<string, unknown> = { "profile.updatedAt": at };
    if (patch.displayName !== undefined) set.displayName = patch.displayName;
    for (const field of SCALAR_FIELDS) if (patch[field] !== undefined) set[`profile.${field}`] = patch[field];
    // One path per category: the categories not given keep their switches.
    for (const [category, switches] of Object.entries(patch.notifications ?? {}))
      set[`profile.notifications.${category}`] = switches;
    return this.outbox.record(async (session) => {
      // The filter excludes deleted accounts, so a deletion racing this update wins cleanly.
      const result = await this.model
        .updateOne({ _id: userId, deletedAt: { $not: { $type: "date" } } }, { $set: set }, { session })
        .exec();
      if (result.matchedCount === 1) return "updated";
      return (await this.model.exists({ _id: userId }).session(session ?? null)) ? "deleted" : "no-account";
    }, announce);
  }

  async erase(userId: string, at: Date, announce?: Announce<Date | null>): Promise<Date | null> {
    return this.outbox.record(async (session) => {
      // One atomic pipeline update: the first deletion time is kept, the profile goes entirely.
      const doc = await this.model
        .findOneAndUpdate(
          { _id: userId },
          [
            { $set: { displayName: DELETED_USER_NAME, deletedAt: { $ifNull: ["$deletedAt", at] } } },
            { $unset: "profile" },
          ],
          { updatePipeline: true, returnDocument: "after", projection: { deletedAt: 1 }, session },
        )
        .lean<Pick<UserDocument, "deletedAt">>()
        .exec();
      return doc ? (doc.deletedAt ?? at) : null;
    }, announce);
  }
}
