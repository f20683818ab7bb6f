import { isMongoDuplicateKey, pageLimit, pageOf, registerModel } from "@venta/store";
import { type Connection, type Model, Schema } from "mongoose";
import type { Channel, PushPlatform } from "../channels/channel.js";
import type {
  DeliveryAttempt,
  DeliveryRecord,
  DeliveryStatus,
  NotificationListKey,
  NotificationRecord,
} from "./notification.record.js";
import type { CreatedNotification, NotificationPage, NotificationsStore } from "./notifications.store.js";
import type { NotificationTopic } from "./topics.js";

interface DeliveryDocument {
  _id: string;
  channel: Channel;
  platform: PushPlatform | null;
  destination: string;
  title: string;
  body: string;
  status: DeliveryStatus;
  attempts: number;
  lastError: string | null;
  dueAt: Date;
  sentAt: Date | null;
  providerMessageId: string | null;
  createdAt: Date;
  updatedAt: Date;
}

interface NotificationDocument {
  _id: string;
  userId: string;
  topic: NotificationTopic;
  title: string;
  body: string;
  subjectId: string | null;
  data: Record<string, string>;
  dedupeKey: string | null;
  createdAt: Date;
  readAt: Date | null;
  deliveries: DeliveryDocument[];
}

const UNFINISHED: DeliveryStatus[] = ["QUEUED", "SCHEDULED"];

const deliverySchema = new Schema<DeliveryDocument>(
  {
    _id: { type: String, required: true },
    channel: { type: String, required: true },
    platform: { type: String, default: null },
    destination: { type: String, required: true },
    title: { type: String, required: true },
    body: { type: String, required: true },
    status: { type: String, required: true },
    attempts: { type: Number, required: true },
    lastError: { type: String, default: null },
    dueAt: { type: Date, required: true },
    sentAt: { type: Date, default: null },
    providerMessageId: { type: String, default: null },
    createdAt: { type: Date, required: true },
    updatedAt: { type: Date, required: true },
  },
  { versionKey: false, timestamps: false },
);

const notificationSchema = new Schema<NotificationDocument>(
  {
    _id: { type: String, required: true },
    userId: { type: String, required: true },
    topic: { type: String, required: true },
    title: { type: String, required: true },
    body: { type: String, required: true },
    subjectId: { type: String, default: null },
    data: { type: Schema.Types.Mixed, required: true },
    dedupeKey: { type: String, default: null },
    createdAt: { type: Date, required: true },
    readAt: { type: Date, default: null },
    deliveries: { type: [deliverySchema], required: true },
  },
  { collection: "notifications", versionKey: false, timestamps: false, autoIndex: false, minimize: false },
);
notificationSchema.index(
  { userId: 1, dedupeKey: 1 },
  { unique: true, partialFilterExpression: { dedupeKey: { $type: "string" } } },
);
notificationSchema.index({ userId: 1, createdAt: -1, _id: -1 });
notificationSchema.index({ subjectId: 1, topic: 1 });
notificationSchema.index({ "deliveries._id": 1 });
notificationSchema.index({ "deliveries.status": 1 });

const toNotification = (doc: NotificationDocument): NotificationRecord => ({
  id: doc._id,
  userId: doc.userId,
  topic: doc.topic,
  title: doc.title,
  body: doc.body,
  subjectId: doc.subjectId ?? null,
  data: doc.data ?? {},
  dedupeKey: doc.dedupeKey ?? null,
  createdAt: doc.createdAt,
  readAt: doc.readAt ?? null,
});

const toDelivery = (
  parent: Pick<NotificationDocument, "_id" | "userId">,
  doc: DeliveryDocument,
): DeliveryRecord => ({
  id: doc._id,
  notificationId: parent._id,
  userId: parent.userId,
  channel: doc.channel,
  platform: doc.platform ?? null,
  destination: doc.destination,
  title: doc.title,
  body: doc.body,
  status: doc.status,
  attempts: doc.attempts,
  lastError: doc.lastError ?? null,
  dueAt: doc.dueAt,
  sentAt: doc.sentAt ?? null,
  providerMessageId: doc.providerMessageId ?? null,
  createdAt: doc.createdAt,
  updatedAt: doc.updatedAt,
});

const toDeliveryDocument = (delivery: DeliveryRecord): DeliveryDocument => {
  const { id, notificationId: _notification, userId: _user, ...fields } = delivery;
  return { _id: id, ...fields };
};

const byCreation = (a: DeliveryRecord, b: DeliveryRecord) =>
  a.createdAt.getTime() - b.createdAt.getTime() || a.id.localeCompare(b.id);

/**
 * Notifications in MongoDB, each document holding its deliveries: one insert stores both, so a
 * notification is never seen without them. A unique partial index on (person, dedupe key) decides
 * between racing creations.
 */
export class MongoNotificationsStore implements NotificationsStore {
  private readonly notifications: Model<NotificationDocument>;

  constructor(connection: Connection) {
    this.notifications = registerModel<NotificationDocument>(connection, "Notification", notificationSchema);
  }

  async create(
    notification: NotificationRecord,
    deliveries: readonly DeliveryRecord[],
  ): Promise<CreatedNotification> {
    const { id, ...fields } = notification;
    try {
      await this.notifications.insertMany(
        [{ _id: id, ...fields, deliveries: deliveries.map(toDeliveryDocument) }],
        {
          lean: true,
        },
      );
      return { notification, created: true };
    } catch (error) {
      if (!isMongoDuplicateKey(error) || notification.dedupeKey === null) throw error;
    }
    const existing = await this.notifications
      .findOne({ userId: notification.userId, dedupeKey: notification.dedupeKey }, { deliveries: 0 })
      .lean<NotificationDocument>()
      .exec();
    if (!existing) throw new Error(`notification ${notification.id} was neither stored nor found`);
    return { notification: toNotification(existing), created: false };
  }

  async findById(id: string): Promise<NotificationRecord | null> {
    const doc = await this.notifications.findById(id, { deliveries: 0 }).lean<NotificationDocument>().exec();
    return doc ? toNotification(doc) : null;
  }

  async listByUser(
    userId: string,
    first: number,
    after?: NotificationListKey,
    unreadOnly = false,
  ): Promise<NotificationPage> {
    const q: Record<string, unknown> = { userId };
    if (unreadOnly) q.readAt = null;
    if (after) {
      q.$or = [
        { createdAt: { $lt: after.createdAt } },
        { createdAt: after.createdAt, _id: { $lt: after.id } },
      ];
    }
    const docs = await this.notifications
      .find(q, { deliveries: 0 })
      .sort({ createdAt: -1, _id: -1 })
      .limit(pageLimit(first))
      .lean<NotificationDocument[]>()
      .exec();
    return pageOf(docs, first, toNotification);
  }

  countByUser(userId: string, unreadOnly = false): Promise<number> {
    return this.notifications.countDocuments(unreadOnly ? { userId, readAt: null } : { userId }).exec();
  }

  async markRead(userId: string, id: string, at: Date): Promise<NotificationRecord | null> {
    const doc = await this.notifications
      .findOneAndUpdate({ _id: id, userId }, [{ $set: { readAt: { $ifNull: ["$readAt", at] } } }], {
        returnDocument: "after",
        projection: { deliveries: 0 },
        updatePipeline: true,
      })
      .lean<NotificationDocument>()
      .exec();
    return doc ? toNotification(doc) : null;
  }

  async markAllRead(userId: string, at: Date): Promise<number> {
    const result = await this.notifications
      .updateMany({ userId, readAt: null }, { $set: { readAt: at } })
      .exec();
    return result.modifiedCount;
  }

  async deliveriesOf(notificationIds: readonly string[]): Promise<DeliveryRecord[]> {
    if (notificationIds.length === 0) return [];
    const docs = await this.notifications
      .find({ _id: { $in: [...notificationIds] } }, { userId: 1, deliveries: 1 })
      .lean<NotificationDocument[]>()
      .exec();
    return docs.flatMap((doc) => doc.deliveries.map((d) => toDelivery(doc, d))).sort(byCreation);
  }

  async findDelivery(id: string): Promise<DeliveryRecord | null> {
    const doc = await this.notifications
      .findOne({ "deliveries._id": id }, { userId: 1, deliveries: { $elemMatch: { _id: id } } })
      .lean<NotificationDocument>()
      .exec();
    const delivery = doc?.deliveries[0];
    return doc && delivery ? toDelivery(doc, delivery) : null;
  }

  async recordAttempt(id: string, attempt: DeliveryAttempt): Promise<boolean> {
    const set: Record<string, unknown> = {};
    for (const [field, value] of Object.entries(attempt)) set[`deliveries.$.${field}`] = value;
    const result = await this.notifications
      .updateOne({ deliveries: { $elemMatch: { _id: id, status: { $in: UNFINISHED } } } }, { $set: set })
      .exec();
    return result.modifiedCount === 1;
  }

  async unfinishedDeliveries(first: number, afterId?: string): Promise<DeliveryRecord[]> {
    const rows = await this.notifications
      .aggregate<{ _id: string; userId: string; delivery: DeliveryDocument }>([
        { $match: { "deliveries.status": { $in: UNFINISHED } } },
        { $unwind: "$deliveries" },
        { $match: { "deliveries.status": { $in: UNFINISHED }, "deliveries._id": { $gt: afterId ?? "" } } },
        { $sort: { "deliveries._id": 1 } },
        { $limit: first },
        { $project: { userId: 1, delivery: "$deliveries" } },
      ])
      .exec();
    return rows.map((row) => toDelivery(row, row.delivery));
  }

  async eraseUser(userId: string): Promise<void> {
    await this.notifications.deleteMany({ userId }).exec();
  }

  async eraseAbout(topic: NotificationTopic, subjectIds: readonly string[]): Promise<void> {
    if (subjectIds.length === 0) return;
    // Deliveries live inside their notification: they go with it.
    await this.notifications.deleteMany({ topic, subjectId: { $in: [...subjectIds] } }).exec();
  }
}
