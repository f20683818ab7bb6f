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
  updatedAt: Date;
}

const settingsSchema = new Schema<SettingsDocument>(
  {
    _id: { type: String, required: true },
    locale: { type: String, default: null },
    timeZone: { type: String, default: null },
    quietHours: { type: Schema.Types.Mixed, default: null },
    topics: { type: Schema.Types.Mixed, required: true },
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
    this.settings =
      connection.models.NotificationSettings ??
      connection.model<SettingsDocument>("NotificationSettings", settingsSchema);
  }

  async createIndexes(): Promise<void> {
    await this.settings.createIndexes();
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
      updatedAt: doc.updatedAt,
    };
  }

  async save(settings: NotificationSettingsRecord): Promise<void> {
    const { userId, ...fields } = settings;
    await this.settings.replaceOne({ _id: userId }, { _id: userId, ...fields }, { upsert: true }).exec();
  }

  async eraseUser(userId: string): Promise<void> {
    await this.settings.deleteOne({ _id: userId }).exec();
  }
}
