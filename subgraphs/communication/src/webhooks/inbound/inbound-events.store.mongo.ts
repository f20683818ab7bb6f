import type { MongoOutbox } from "@venta/events";
import { isMongoDuplicateKey, pageLimit, pageOf, registerModel } from "@venta/store";
import { type Connection, type Model, Schema } from "mongoose";
import type { InboundEventRecord } from "./inbound-event.record.js";
import type {
  InboundEventListOptions,
  InboundEventPage,
  InboundEventsStore,
  ProcessingOutcome,
} from "./inbound-events.store.js";
import { detailOf, ERASED_REASON } from "./inbound-events.store.js";

interface InboundEventDocument extends Omit<InboundEventRecord, "id"> {
  _id: string;
}

interface AnnouncementDocument {
  /** The domain event's id. */
  _id: string;
  inboundId: string;
}

const inboundEventSchema = new Schema<InboundEventDocument>(
  {
    _id: { type: String, required: true },
    provider: { type: String, required: true },
    eventId: { type: String, required: true },
    type: { type: String, required: true },
    body: { type: String, default: null },
    subjectUserId: { type: String, default: null },
    receivedAt: { type: Date, required: true },
    status: { type: String, required: true },
    attempts: { type: Number, required: true },
    nextAttemptAt: { type: Date, default: null },
    lastError: { type: String, default: null },
    processedAt: { type: Date, default: null },
  },
  { collection: "inbound_webhook_events", versionKey: false, timestamps: false, autoIndex: false },
);
inboundEventSchema.index({ status: 1, nextAttemptAt: 1 });
inboundEventSchema.index({ receivedAt: -1, _id: -1 });
inboundEventSchema.index({ provider: 1, status: 1, receivedAt: -1, _id: -1 });
inboundEventSchema.index({ subjectUserId: 1 });
inboundEventSchema.index({ processedAt: 1 }, { partialFilterExpression: { body: { $type: "string" } } });

const announcementSchema = new Schema<AnnouncementDocument>(
  { _id: { type: String, required: true }, inboundId: { type: String, required: true } },
  { collection: "inbound_webhook_announcements", versionKey: false, timestamps: false, autoIndex: false },
);

const toRecord = (doc: InboundEventDocument): InboundEventRecord => ({
  id: doc._id,
  provider: doc.provider,
  eventId: doc.eventId,
  type: doc.type,
  body: doc.body ?? null,
  subjectUserId: doc.subjectUserId ?? null,
  receivedAt: doc.receivedAt,
  status: doc.status,
  attempts: doc.attempts,
  nextAttemptAt: doc.nextAttemptAt ?? null,
  lastError: doc.lastError ?? null,
  processedAt: doc.processedAt ?? null,
});

/**
 * Inbound webhook events in MongoDB. Completing an event, noting the domain events it announced and
 * recording those in the outbox is one multi-document transaction (a replica set is required).
 */
export class MongoInboundEventsStore implements InboundEventsStore {
  private readonly events: Model<InboundEventDocument>;
  private readonly announcements: Model<AnnouncementDocument>;

  constructor(
    connection: Connection,
    private readonly outbox: MongoOutbox,
  ) {
    this.events = registerModel<InboundEventDocument>(connection, "InboundWebhookEvent", inboundEventSchema);
    this.announcements = registerModel<AnnouncementDocument>(
      connection,
      "InboundWebhookAnnouncement",
      announcementSchema,
    );
  }

  async insert(record: InboundEventRecord): Promise<boolean> {
    const { id, ...rest } = record;
    try {
      await this.events.insertMany([{ _id: id, ...rest }], { lean: true });
      return true;
    } catch (error) {
      if (isMongoDuplicateKey(error)) return false;
      throw error;
    }
  }

  async findById(id: string): Promise<InboundEventRecord | null> {
    const doc = await this.events.findById(id).lean<InboundEventDocument>().exec();
    return doc ? toRecord(doc) : null;
  }

  async claimDue(now: Date, limit: number, leaseUntil: Date): Promise<InboundEventRecord[]> {
    const claimed: InboundEventRecord[] = [];
    // One conditional write per event: of two processors, only one moves a given event's time.
    while (claimed.length < limit) {
      const doc = await this.events
        .findOneAndUpdate(
          { status: "PENDING", nextAttemptAt: { $lte: now } },
          { $set: { nextAttemptAt: leaseUntil }, $inc: { attempts: 1 } },
          { sort: { nextAttemptAt: 1 }, returnDocument: "after" },
        )
        .lean<InboundEventDocument>()
        .exec();
      if (!doc) break;
      claimed.push(toRecord(doc));
    }
    return claimed;
  }

  async complete(id: string, outcome: ProcessingOutcome): Promise<InboundEventRecord | null> {
    const $set = {
      status: outcome.status,
      nextAttemptAt: outcome.status === "PENDING" ? outcome.nextAttemptAt : null,
      lastError: detailOf(outcome),
      processedAt: outcome.status === "PROCESSED" || outcome.status === "IGNORED" ? outcome.at : null,
    };
    if (outcome.status !== "PROCESSED" || outcome.events.length === 0) {
      const doc = await this.events
        .findOneAndUpdate({ _id: id }, { $set }, { returnDocument: "after" })
        .lean<InboundEventDocument>()
        .exec();
      return doc ? toRecord(doc) : null;
    }
    return this.outbox.transaction(async (session) => {
      const doc = await this.events
        .findOneAndUpdate({ _id: id }, { $set }, { returnDocument: "after", session })
        .lean<InboundEventDocument>()
        .exec();
      if (!doc) return null;
      const fresh = [];
      for (const event of outcome.events) {
        // An upsert, not an insert: a duplicate key inside a transaction would abort all of it.
        const noted = await this.announcements
          .updateOne({ _id: event.id }, { $setOnInsert: { inboundId: id } }, { upsert: true, session })
          .exec();
        if (noted.upsertedCount === 1) fresh.push(event);
      }
      await this.outbox.add(fresh, session);
      return toRecord(doc);
    });
  }

  async retry(id: string, at: Date): Promise<InboundEventRecord | null> {
    const doc = await this.events
      .findOneAndUpdate(
        { _id: id, status: "FAILED" },
        { $set: { status: "PENDING", attempts: 0, nextAttemptAt: at } },
        { returnDocument: "after" },
      )
      .lean<InboundEventDocument>()
      .exec();
    return doc ? toRecord(doc) : null;
  }

  async list({ first, after, provider, status }: InboundEventListOptions): Promise<InboundEventPage> {
    const filter: Record<string, unknown> = {};
    if (provider !== undefined) filter.provider = provider;
    if (status !== undefined) filter.status = status;
    const q: Record<string, unknown> = { ...filter };
    if (after) {
      q.$or = [
        { receivedAt: { $lt: after.receivedAt } },
        { receivedAt: after.receivedAt, _id: { $lt: after.id } },
      ];
    }
    const [docs, totalCount] = await Promise.all([
      this.events
        .find(q)
        .sort({ receivedAt: -1, _id: -1 })
        .limit(pageLimit(first))
        .lean<InboundEventDocument[]>()
        .exec(),
      this.events.countDocuments(filter).exec(),
    ]);
    return { ...pageOf(docs, first, toRecord), totalCount };
  }

  async eraseSubject(userId: string, at: Date): Promise<number> {
    // Unfinished events first: a retry after a failure in between still finds the rest by subject.
    const unfinished = await this.events
      .updateMany(
        { subjectUserId: userId, status: { $in: ["PENDING", "FAILED"] } },
        {
          $set: {
            body: null,
            subjectUserId: null,
            status: "IGNORED",
            lastError: ERASED_REASON,
            processedAt: at,
            nextAttemptAt: null,
          },
        },
      )
      .exec();
    const done = await this.events
      .updateMany({ subjectUserId: userId }, { $set: { body: null, subjectUserId: null } })
      .exec();
    return unfinished.modifiedCount + done.modifiedCount;
  }

  async pruneBodies(doneBefore: Date): Promise<number> {
    const { modifiedCount } = await this.events
      .updateMany(
        {
          body: { $type: "string" },
          processedAt: { $lt: doneBefore },
          status: { $in: ["PROCESSED", "IGNORED"] },
        },
        { $set: { body: null, subjectUserId: null } },
      )
      .exec();
    return modifiedCount;
  }
}
