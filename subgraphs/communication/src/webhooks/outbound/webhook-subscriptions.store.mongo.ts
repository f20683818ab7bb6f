import { pageLimit, pageOf, registerModel } from "@venta/store";
import {
  type Connection,
  type Model,
  Schema,
  type UpdateQuery,
  type UpdateWithAggregationPipeline,
} from "mongoose";
import { PUBLIC_EVENT_TYPES, type PublicEventType } from "./public-events.js";
import type {
  WebhookDisabledReason,
  WebhookSubscriptionRecord,
  WebhookSubscriptionStatus,
} from "./webhook-subscription.record.js";
import type {
  DeliveryOutcomeResult,
  WebhookSubscriptionChanges,
  WebhookSubscriptionListOptions,
  WebhookSubscriptionPage,
  WebhookSubscriptionsStore,
} from "./webhook-subscriptions.store.js";

interface SubscriptionDocument extends Omit<WebhookSubscriptionRecord, "id"> {
  _id: string;
}

const subscriptionSchema = new Schema<SubscriptionDocument>(
  {
    _id: { type: String, required: true },
    partnerKeyId: { type: String, required: true },
    url: { type: String, required: true },
    eventTypes: { type: [{ type: String, enum: [...PUBLIC_EVENT_TYPES] }], required: true },
    description: { type: String, default: null },
    status: { type: String, required: true },
    disabledReason: { type: String, default: null },
    disabledAt: { type: Date, default: null },
    secret: { type: String, required: true },
    previousSecret: { type: String, default: null },
    previousSecretExpiresAt: { type: Date, default: null },
    consecutiveFailures: { type: Number, required: true },
    createdAt: { type: Date, required: true },
    updatedAt: { type: Date, required: true },
  },
  { collection: "webhook_subscriptions", versionKey: false, timestamps: false, autoIndex: false },
);
subscriptionSchema.index({ partnerKeyId: 1, createdAt: -1, _id: -1 });
subscriptionSchema.index({ createdAt: -1, _id: -1 });
subscriptionSchema.index({ status: 1, eventTypes: 1 });

const toRecord = (doc: SubscriptionDocument): WebhookSubscriptionRecord => ({
  id: doc._id,
  partnerKeyId: doc.partnerKeyId,
  url: doc.url,
  eventTypes: [...doc.eventTypes],
  description: doc.description ?? null,
  status: doc.status as WebhookSubscriptionStatus,
  disabledReason: (doc.disabledReason ?? null) as WebhookDisabledReason | null,
  disabledAt: doc.disabledAt ?? null,
  secret: doc.secret,
  previousSecret: doc.previousSecret ?? null,
  previousSecretExpiresAt: doc.previousSecretExpiresAt ?? null,
  consecutiveFailures: doc.consecutiveFailures,
  createdAt: doc.createdAt,
  updatedAt: doc.updatedAt,
});

/** Webhook subscriptions in MongoDB, one document each, keyed by id. */
export class MongoWebhookSubscriptionsStore implements WebhookSubscriptionsStore {
  private readonly model: Model<SubscriptionDocument>;

  constructor(connection: Connection) {
    this.model = registerModel<SubscriptionDocument>(connection, "WebhookSubscription", subscriptionSchema);
  }

  /** Indexes are built at start-up, never lazily on a first request. */

  async insert(record: WebhookSubscriptionRecord): Promise<void> {
    const { id, ...rest } = record;
    await this.model.insertMany([{ _id: id, ...rest }], { lean: true });
  }

  async findById(id: string): Promise<WebhookSubscriptionRecord | null> {
    const doc = await this.model.findById(id).lean<SubscriptionDocument>().exec();
    return doc ? toRecord(doc) : null;
  }

  async list({
    first,
    after,
    partnerKeyId,
  }: WebhookSubscriptionListOptions): Promise<WebhookSubscriptionPage> {
    const filter: Record<string, unknown> = partnerKeyId === undefined ? {} : { partnerKeyId };
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
        .lean<SubscriptionDocument[]>()
        .exec(),
      this.model.countDocuments(filter).exec(),
    ]);
    return { ...pageOf(docs, first, toRecord), totalCount };
  }

  async activeFor(eventType: PublicEventType): Promise<WebhookSubscriptionRecord[]> {
    const docs = await this.model
      .find({ status: "ACTIVE", eventTypes: eventType })
      .lean<SubscriptionDocument[]>()
      .exec();
    return docs.map(toRecord);
  }

  private async set(
    filter: Record<string, unknown>,
    update: UpdateQuery<SubscriptionDocument> | UpdateWithAggregationPipeline,
  ): Promise<WebhookSubscriptionRecord | null> {
    const doc = await this.model
      // Mongoose 9 refuses an update pipeline (an array) unless told it is one.
      .findOneAndUpdate(filter, update, { returnDocument: "after", updatePipeline: Array.isArray(update) })
      .lean<SubscriptionDocument>()
      .exec();
    return doc ? toRecord(doc) : null;
  }

  async update(
    id: string,
    changes: WebhookSubscriptionChanges,
    at: Date,
  ): Promise<WebhookSubscriptionRecord | null> {
    const $set: Record<string, unknown> = { updatedAt: at };
    if (changes.url !== undefined) $set.url = changes.url;
    if (changes.eventTypes !== undefined) $set.eventTypes = changes.eventTypes;
    if (changes.description !== undefined) $set.description = changes.description;
    return this.set({ _id: id }, { $set });
  }

  async enable(id: string, at: Date): Promise<WebhookSubscriptionRecord | null> {
    const changed = await this.set(
      { _id: id, disabledReason: { $ne: "KEY_REVOKED" } },
      {
        $set: {
          status: "ACTIVE",
          disabledReason: null,
          disabledAt: null,
          consecutiveFailures: 0,
          updatedAt: at,
        },
      },
    );
    return changed ?? this.findById(id);
  }

  async disableForRevokedKey(partnerKeyId: string, at: Date): Promise<number> {
    // A pipeline update, so an already disabled subscription keeps its own time in the same write.
    const result = await this.model
      .updateMany(
        { partnerKeyId, disabledReason: { $ne: "KEY_REVOKED" } },
        [
          {
            $set: {
              status: "DISABLED",
              disabledReason: "KEY_REVOKED",
              disabledAt: { $ifNull: ["$disabledAt", at] },
              updatedAt: at,
            },
          },
        ],
        { updatePipeline: true },
      )
      .exec();
    return result.modifiedCount;
  }

  async disable(
    id: string,
    reason: WebhookDisabledReason,
    at: Date,
  ): Promise<WebhookSubscriptionRecord | null> {
    // Only an active one changes, so a subscription disabled earlier keeps its first reason and time.
    const changed = await this.set(
      { _id: id, status: "ACTIVE" },
      { $set: { status: "DISABLED", disabledReason: reason, disabledAt: at, updatedAt: at } },
    );
    return changed ?? this.findById(id);
  }

  rotateSecret(
    id: string,
    secret: string,
    previousExpiresAt: Date,
    at: Date,
  ): Promise<WebhookSubscriptionRecord | null> {
    // An update pipeline reads the current secret in the same write that replaces it.
    return this.set({ _id: id }, [
      {
        $set: {
          previousSecret: "$secret",
          previousSecretExpiresAt: previousExpiresAt,
          secret: { $literal: secret },
          updatedAt: at,
        },
      },
    ]);
  }

  async remove(id: string): Promise<boolean> {
    return (await this.model.deleteOne({ _id: id }).exec()).deletedCount === 1;
  }

  async recordOutcome(
    id: string,
    succeeded: boolean,
    disableAfter: number,
    at: Date,
  ): Promise<DeliveryOutcomeResult | null> {
    if (succeeded) {
      const doc = await this.set({ _id: id }, { $set: { consecutiveFailures: 0 } });
      return doc ? { consecutiveFailures: 0, disabledNow: false } : null;
    }
    const counted = await this.set({ _id: id }, { $inc: { consecutiveFailures: 1 } });
    if (!counted) return null;
    if (counted.status !== "ACTIVE" || counted.consecutiveFailures < disableAfter) {
      return { consecutiveFailures: counted.consecutiveFailures, disabledNow: false };
    }
    // Of two failures racing past the threshold, only the one whose write flips the status says so.
    const flipped = await this.model
      .updateOne(
        { _id: id, status: "ACTIVE" },
        { $set: { status: "DISABLED", disabledReason: "FAILING", disabledAt: at, updatedAt: at } },
      )
      .exec();
    return { consecutiveFailures: counted.consecutiveFailures, disabledNow: flipped.modifiedCount === 1 };
  }
}
