import { isMongoDuplicateKey, pageLimit, pageOf, registerModel } from "@venta/store";
import { type Connection, type Model, Schema } from "mongoose";
import type {
  AttemptOutcome,
  WebhookDeliveriesStore,
  WebhookDeliveryListOptions,
  WebhookDeliveryPage,
} from "./webhook-deliveries.store.js";
import type { WebhookAttemptRecord, WebhookDeliveryRecord } from "./webhook-delivery.record.js";

interface DeliveryDocument extends Omit<WebhookDeliveryRecord, "id"> {
  _id: string;
}

const attemptSchema = new Schema<WebhookAttemptRecord>(
  {
    number: { type: Number, required: true },
    attemptedAt: { type: Date, required: true },
    responseStatus: { type: Number, default: null },
    durationMs: { type: Number, required: true },
    succeeded: { type: Boolean, required: true },
    error: { type: String, default: null },
  },
  { _id: false },
);

const deliverySchema = new Schema<DeliveryDocument>(
  {
    _id: { type: String, required: true },
    subscriptionId: { type: String, required: true },
    partnerKeyId: { type: String, required: true },
    eventId: { type: String, required: true },
    eventType: { type: String, required: true },
    body: { type: String, required: true },
    status: { type: String, required: true },
    attempts: { type: [attemptSchema], default: [] },
    nextAttemptAt: { type: Date, default: null },
    failureReason: { type: String, default: null },
    createdAt: { type: Date, required: true },
    deliveredAt: { type: Date, default: null },
  },
  { collection: "webhook_deliveries", versionKey: false, timestamps: false, autoIndex: false },
);
deliverySchema.index({ subscriptionId: 1, eventId: 1 }, { unique: true });
deliverySchema.index({ status: 1, nextAttemptAt: 1 });
deliverySchema.index({ subscriptionId: 1, createdAt: -1, _id: -1 });
deliverySchema.index({ partnerKeyId: 1, createdAt: -1, _id: -1 });
deliverySchema.index({ createdAt: -1, _id: -1 });

const toRecord = (doc: DeliveryDocument): WebhookDeliveryRecord => ({
  id: doc._id,
  subscriptionId: doc.subscriptionId,
  partnerKeyId: doc.partnerKeyId,
  eventId: doc.eventId,
  eventType: doc.eventType,
  body: doc.body,
  status: doc.status,
  attempts: (doc.attempts ?? []).map((a) => ({
    number: a.number,
    attemptedAt: a.attemptedAt,
    responseStatus: a.responseStatus ?? null,
    durationMs: a.durationMs,
    succeeded: a.succeeded,
    error: a.error ?? null,
  })),
  nextAttemptAt: doc.nextAttemptAt ?? null,
  failureReason: doc.failureReason ?? null,
  createdAt: doc.createdAt,
  deliveredAt: doc.deliveredAt ?? null,
});

/** Webhook deliveries in MongoDB: one document each, its attempts embedded (few, bounded by the retry budget). */
export class MongoWebhookDeliveriesStore implements WebhookDeliveriesStore {
  private readonly model: Model<DeliveryDocument>;

  constructor(connection: Connection) {
    this.model = registerModel<DeliveryDocument>(connection, "WebhookDelivery", deliverySchema);
  }

  /** Indexes are built at start-up, never lazily on a first request. */

  async enqueue(records: readonly WebhookDeliveryRecord[]): Promise<number> {
    // One insert each: an event reaches a handful of subscriptions, and a duplicate (subscription,
    // event) refused by the unique index is told apart from any other failure without guesswork.
    let added = 0;
    for (const { id, ...rest } of records) {
      try {
        await this.model.insertMany([{ _id: id, ...rest }], { lean: true });
        added += 1;
      } catch (error) {
        if (!isMongoDuplicateKey(error)) throw error;
      }
    }
    return added;
  }

  async findById(id: string): Promise<WebhookDeliveryRecord | null> {
    const doc = await this.model.findById(id).lean<DeliveryDocument>().exec();
    return doc ? toRecord(doc) : null;
  }

  async claimDue(now: Date, limit: number, leaseUntil: Date): Promise<WebhookDeliveryRecord[]> {
    const claimed: WebhookDeliveryRecord[] = [];
    // One conditional write per delivery: of two senders, only one moves a given delivery's time.
    while (claimed.length < limit) {
      const doc = await this.model
        .findOneAndUpdate(
          { status: "PENDING", nextAttemptAt: { $lte: now } },
          { $set: { nextAttemptAt: leaseUntil } },
          { sort: { nextAttemptAt: 1 }, returnDocument: "after" },
        )
        .lean<DeliveryDocument>()
        .exec();
      if (!doc) break;
      claimed.push(toRecord(doc));
    }
    return claimed;
  }

  async recordAttempt(
    id: string,
    attempt: WebhookAttemptRecord,
    outcome: AttemptOutcome,
  ): Promise<WebhookDeliveryRecord | null> {
    const $set: Record<string, unknown> = {
      status: outcome.status,
      nextAttemptAt: outcome.status === "PENDING" ? outcome.nextAttemptAt : null,
      failureReason: outcome.status === "FAILED" ? outcome.failureReason : null,
    };
    if (outcome.status === "SUCCEEDED") $set.deliveredAt = attempt.attemptedAt;
    const doc = await this.model
      .findOneAndUpdate({ _id: id }, { $set, $push: { attempts: attempt } }, { returnDocument: "after" })
      .lean<DeliveryDocument>()
      .exec();
    return doc ? toRecord(doc) : null;
  }

  async failPending(subscriptionId: string, failureReason: string): Promise<number> {
    const result = await this.model
      .updateMany(
        { subscriptionId, status: "PENDING" },
        { $set: { status: "FAILED", nextAttemptAt: null, failureReason } },
      )
      .exec();
    return result.modifiedCount;
  }

  async failPendingOfPartnerKey(partnerKeyId: string, failureReason: string): Promise<number> {
    const result = await this.model
      .updateMany(
        { partnerKeyId, status: "PENDING" },
        { $set: { status: "FAILED", nextAttemptAt: null, failureReason } },
      )
      .exec();
    return result.modifiedCount;
  }

  async retry(id: string, at: Date): Promise<WebhookDeliveryRecord | null> {
    const doc = await this.model
      .findOneAndUpdate(
        { _id: id, status: "FAILED" },
        { $set: { status: "PENDING", nextAttemptAt: at, failureReason: null } },
        { returnDocument: "after" },
      )
      .lean<DeliveryDocument>()
      .exec();
    return doc ? toRecord(doc) : null;
  }

  async list({
    first,
    after,
    subscriptionId,
    partnerKeyId,
    status,
  }: WebhookDeliveryListOptions): Promise<WebhookDeliveryPage> {
    const filter: Record<string, unknown> = {};
    if (subscriptionId !== undefined) filter.subscriptionId = subscriptionId;
    if (partnerKeyId !== undefined) filter.partnerKeyId = partnerKeyId;
    if (status !== undefined) filter.status = status;
    const q: Record<string, unknown> = { ...filter };
    if (after) {
      q.$or = [
        { createdAt: { $lt: after.createdAt } },
        { createdAt: after.createdAt, _id: { $lt: after.id } },
      ];
    }
    const [docs, totalCount] = await Promise.all([
      this.model
        .find(q)
        .sort({ createdAt: -1, _id: -1 })
        .limit(pageLimit(first))
        .lean<DeliveryDocument[]>()
        .exec(),
      this.model.countDocuments(filter).exec(),
    ]);
    return { ...pageOf(docs, first, toRecord), totalCount };
  }

  async removeBySubscription(subscriptionId: string): Promise<number> {
    return (await this.model.deleteMany({ subscriptionId }).exec()).deletedCount;
  }
}
