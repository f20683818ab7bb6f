import { isMongoDuplicateKey, registerModel } from "@venta/store";
import { type Connection, type Model, Schema } from "mongoose";
import type { ChannelSwitches, NotificationTopic } from "../notifications/topics.js";
import type { NotificationSettingsRecord } from "./notification-settings.record.js";
import type { NotificationSettingsStore } from "./notification-settings.store.js";
import type { QuietHours } from "./quiet-hours.js";

interface SettingsDocument {
  _id: string;
  locale: string | null;
  timeZone: string | null;
  quietHours: QuietHours | null;
  topics: Partial<Record<NotificationTopic, ChannelSwitches>>;
  /** Absent from documents written before it existed. */
  topicsChangedAt?: Partial<Record<NotificationTopic, Date>>;
  updatedAt: Date;
}

const settingsSchema = new Schema<SettingsDocument>(
  {
    _id: { type: String, required: true },
    locale: { type: String, default: null },
    timeZone: { type: String, default: null },
    quietHours: { type: Schema.Types.Mixed, default: null },
    topics: { type: Schema.Types.Mixed, required: true },
    topicsChangedAt: { type: Schema.Types.Mixed, default: {} },
    updatedAt: { type: Date, required: true },
  },
  // `minimize: false` keeps an empty `topics` object instead of dropping the field.
  {
    collection: "notification_settings",
    versionKey: false,
    timestamps: false,
    autoIndex: false,
    minimize: false,
  },
);

/** Notification settings in MongoDB: one document per person. */
export class MongoNotificationSettingsStore implements NotificationSettingsStore {
  private readonly settings: Model<SettingsDocument>;

  constructor(connection: Connection) {
    this.settings = registerModel<SettingsDocument>(connection, "NotificationSettings", settingsSchema);
  }

  async find(userId: string): Promise<NotificationSettingsRecord | null> {
    const doc = await this.settings.findById(userId).lean<SettingsDocument>().exec();
    if (!doc) return null;
    return {
      userId: doc._id,
      locale: doc.locale ?? null,
      timeZone: doc.timeZone ?? null,
      quietHours: doc.quietHours
        ? { startMinute: doc.quietHours.startMinute, endMinute: doc.quietHours.endMinute }
        : null,
      topics: doc.topics ?? {},
      topicsChangedAt: doc.topicsChangedAt ?? {},
      updatedAt: doc.updatedAt,
    };
  }

  async save(settings: NotificationSettingsRecord): Promise<void> {
    const { userId, ...fields } = settings;
    await this.settings.replaceOne({ _id: userId }, { _id: userId, ...fields }, { upsert: true }).exec();
  }

  async applyTopics(
    userId: string,
    topics: Partial<Record<NotificationTopic, ChannelSwitches>>,
    at: Date,
  ): Promise<NotificationTopic[]> {
    const applied: NotificationTopic[] = [];
    for (const [topic, switches] of Object.entries(topics) as [NotificationTopic, ChannelSwitches][]) {
      const changedAt = `topicsChangedAt.${topic}`;
      const filter = {
        _id: userId,
        $or: [{ [changedAt]: { $exists: false } }, { [changedAt]: { $lte: at } }],
      };
      const update = {
        $set: {
          [`topics.${topic}`]: { push: switches.push, email: switches.email, sms: switches.sms },
          [changedAt]: at,
        },
        $max: { updatedAt: at },
        $setOnInsert: { locale: null, timeZone: null, quietHours: null },
      };
      try {
        await this.settings.updateOne(filter, update, { upsert: true }).exec();
        applied.push(topic);
      } catch (error) {
        if (!isMongoDuplicateKey(error)) throw error;
        // The document exists: either the topic changed later (nothing to do), or another writer
        // made the document at the same moment, and the update now finds it.
        const { matchedCount } = await this.settings.updateOne(filter, update).exec();
        if (matchedCount === 1) applied.push(topic);
      }
    }
    return applied;
  }

  async eraseUser(userId: string): Promise<void> {
    await this.settings.deleteOne({ _id: userId }).exec();
  }
}
