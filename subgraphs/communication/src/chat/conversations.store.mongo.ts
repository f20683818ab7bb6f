import type { Announce, MongoOutbox } from "@venta/events";
import { isMongoDuplicateKey, pageLimit, pageOf, registerModel } from "@venta/store";
import { type ClientSession, type Connection, type Model, Schema } from "mongoose";
import type {
  ChatSide,
  ConversationListKey,
  ConversationRecord,
  MessageRecord,
  NewMessage,
  ParticipantFilter,
  ReadPosition,
} from "./conversation.record.js";
import { otherSide } from "./conversation.record.js";
import type {
  AppendedMessage,
  ConversationPage,
  ConversationsStore,
  MessagePage,
  NotificationClaim,
  NotificationClaimRequest,
  UnreadRequest,
} from "./conversations.store.js";
import { decideNotificationClaim } from "./notification-claim.js";

interface ConversationDocument {
  _id: string;
  customerId: string;
  vendorId: string;
  createdAt: Date;
  lastActivityAt: Date;
  /** The last `seq` handed out; a message's `seq` is taken from here before it is stored. */
  lastSeq: number;
  lastMessageSeq: number;
  lastMessageId: string | null;
  customerRead: ReadPosition | null;
  vendorRead: ReadPosition | null;
  /** The message each side was last notified about (same shape as a read position); absent before the first. */
  customerNotified?: ReadPosition | null;
  vendorNotified?: ReadPosition | null;
}

interface MessageDocument {
  _id: string;
  conversationId: string;
  seq: number;
  senderId: string;
  senderSide: ChatSide;
  text: string;
  clientMessageId?: string;
  sentAt: Date;
}

const readPositionSchema = new Schema<ReadPosition>(
  { seq: Number, messageId: String, at: Date },
  { _id: false, versionKey: false },
);

const conversationSchema = new Schema<ConversationDocument>(
  {
    _id: { type: String, required: true },
    customerId: { type: String, required: true },
    vendorId: { type: String, required: true },
    createdAt: { type: Date, required: true },
    lastActivityAt: { type: Date, required: true },
    lastSeq: { type: Number, required: true },
    lastMessageSeq: { type: Number, required: true },
    lastMessageId: { type: String, default: null },
    customerRead: { type: readPositionSchema, default: null },
    vendorRead: { type: readPositionSchema, default: null },
    customerNotified: { type: readPositionSchema, default: null },
    vendorNotified: { type: readPositionSchema, default: null },
  },
  { collection: "chat_conversations", versionKey: false, timestamps: false, autoIndex: false },
);
conversationSchema.index({ customerId: 1, vendorId: 1 }, { unique: true });
conversationSchema.index({ customerId: 1, lastActivityAt: -1, _id: -1 });
conversationSchema.index({ vendorId: 1, lastActivityAt: -1, _id: -1 });

const messageSchema = new Schema<MessageDocument>(
  {
    _id: { type: String, required: true },
    conversationId: { type: String, required: true },
    seq: { type: Number, required: true },
    senderId: { type: String, required: true },
    senderSide: { type: String, required: true },
    text: { type: String, required: true },
    clientMessageId: { type: String },
    sentAt: { type: Date, required: true },
  },
  { collection: "chat_messages", versionKey: false, timestamps: false, autoIndex: false },
);
messageSchema.index({ conversationId: 1, seq: -1 }, { unique: true });
messageSchema.index(
  { conversationId: 1, senderId: 1, clientMessageId: 1 },
  { unique: true, partialFilterExpression: { clientMessageId: { $type: "string" } } },
);
messageSchema.index({ senderId: 1 });

const toConversation = (doc: ConversationDocument): ConversationRecord => ({
  id: doc._id,
  customerId: doc.customerId,
  vendorId: doc.vendorId,
  createdAt: doc.createdAt,
  lastActivityAt: doc.lastActivityAt,
  lastMessageId: doc.lastMessageId ?? null,
  customerRead: doc.customerRead ?? null,
  vendorRead: doc.vendorRead ?? null,
});

const toMessage = (doc: MessageDocument): MessageRecord => ({
  id: doc._id,
  conversationId: doc.conversationId,
  seq: doc.seq,
  senderId: doc.senderId,
  senderSide: doc.senderSide,
  text: doc.text,
  clientMessageId: doc.clientMessageId ?? null,
  sentAt: doc.sentAt,
});

/** A page of documents read newest first (one more than asked), returned oldest first. */
const messagePage = (docs: MessageDocument[], last: number): MessagePage => {
  const { records, hasNextPage } = pageOf(docs, last, toMessage);
  return { records: records.reverse(), hasPreviousPage: hasNextPage };
};

const readField = { CUSTOMER: "customerRead", VENDOR: "vendorRead" } as const satisfies Record<
  ChatSide,
  string
>;

const notifiedField = { CUSTOMER: "customerNotified", VENDOR: "vendorNotified" } as const satisfies Record<
  ChatSide,
  string
>;

/** Claims decided again after another claim or a read got in between, before giving up for a retry. */
const CLAIM_ATTEMPTS = 5;

/**
 * Conversations and messages in MongoDB. A message takes its `seq` from an atomic counter on the
 * conversation, is inserted, then the conversation's activity and the sender's read position move
 * with guarded updates that never go back. With an announcement all of it is one transaction with
 * the outbox; without one, a send that dies half-way leaves at most a gap in `seq`, never two
 * messages in one place.
 */
export class MongoConversationsStore implements ConversationsStore {
  private readonly conversations: Model<ConversationDocument>;
  private readonly messagesModel: Model<MessageDocument>;

  constructor(
    connection: Connection,
    private readonly outbox: MongoOutbox,
  ) {
    this.conversations = registerModel<ConversationDocument>(
      connection,
      "ChatConversation",
      conversationSchema,
    );
    this.messagesModel = registerModel<MessageDocument>(connection, "ChatMessage", messageSchema);
  }

  /** Indexes are built at start-up, never lazily on a first request. */

  async open(candidate: ConversationRecord): Promise<{ conversation: ConversationRecord; created: boolean }> {
    const doc: ConversationDocument = {
      _id: candidate.id,
      customerId: candidate.customerId,
      vendorId: candidate.vendorId,
      createdAt: candidate.createdAt,
      lastActivityAt: candidate.lastActivityAt,
      lastSeq: 0,
      lastMessageSeq: 0,
      lastMessageId: null,
      customerRead: null,
      vendorRead: null,
    };
    try {
      await this.conversations.insertMany([doc], { lean: true });
      return { conversation: toConversation(doc), created: true };
    } catch (error) {
      if (!isMongoDuplicateKey(error)) throw error;
    }
    const existing = await this.conversations
      .findOne({ customerId: candidate.customerId, vendorId: candidate.vendorId })
      .lean<ConversationDocument>()
      .exec();
    if (!existing) throw new Error("a conversation refused as a duplicate cannot be found");
    return { conversation: toConversation(existing), created: false };
  }

  async findById(id: string): Promise<ConversationRecord | null> {
    const doc = await this.conversations.findById(id).lean<ConversationDocument>().exec();
    return doc ? toConversation(doc) : null;
  }

  private filterOf(filter: ParticipantFilter): Record<string, unknown> {
    const either: Record<string, unknown>[] = [{ vendorId: { $in: [...filter.vendorIds] } }];
    if (filter.customerId !== null) either.push({ customerId: filter.customerId });
    return { $or: either };
  }

  async list(
    filter: ParticipantFilter,
    first: number,
    after?: ConversationListKey,
  ): Promise<ConversationPage> {
    const query: Record<string, unknown> = this.filterOf(filter);
    if (after) {
      query.$and = [
        {
          $or: [
            { lastActivityAt: { $lt: after.lastActivityAt } },
            { lastActivityAt: after.lastActivityAt, _id: { $lt: after.id } },
          ],
        },
      ];
    }
    const docs = await this.conversations
      .find(query)
      .sort({ lastActivityAt: -1, _id: -1 })
      .limit(pageLimit(first))
      .lean<ConversationDocument[]>()
      .exec();
    return pageOf(docs, first, toConversation);
  }

  count(filter: ParticipantFilter): Promise<number> {
    return this.conversations.countDocuments(this.filterOf(filter)).exec();
  }

  private async sentBefore(message: NewMessage): Promise<MessageRecord | null> {
    if (message.clientMessageId === null) return null;
    const doc = await this.messagesModel
      .findOne({
        conversationId: message.conversationId,
        senderId: message.senderId,
        clientMessageId: message.clientMessageId,
      })
      .lean<MessageDocument>()
      .exec();
    return doc ? toMessage(doc) : null;
  }

  async append(message: NewMessage, announce?: Announce<AppendedMessage>): Promise<AppendedMessage> {
    const earlier = await this.sentBefore(message);
    if (earlier) return { message: earlier, created: false };
    try {
      return await this.outbox.record((session) => this.insert(message, session), announce);
    } catch (error) {
      // The same retried send raced this one and won (its transaction, if any, aborted whole).
      const raced = isMongoDuplicateKey(error) ? await this.sentBefore(message) : null;
      if (raced) return { message: raced, created: false };
      throw error;
    }
  }

  // Every send writes the conversation's counters: racing transactions conflict on that one
  // document and are retried whole (see "Hot counters" in README), so `seq` never repeats.
  private async insert(message: NewMessage, session: ClientSession | undefined): Promise<AppendedMessage> {
    const counter = await this.conversations
      .findOneAndUpdate({ _id: message.conversationId }, { $inc: { lastSeq: 1 } }, { new: true, session })
      .lean<ConversationDocument>()
      .exec();
    if (!counter) throw new Error(`no conversation ${message.conversationId}`);
    const stored: MessageRecord = { ...message, seq: counter.lastSeq };
    await this.messagesModel.insertMany(
      [
        {
          _id: stored.id,
          conversationId: stored.conversationId,
          seq: stored.seq,
          senderId: stored.senderId,
          senderSide: stored.senderSide,
          text: stored.text,
          ...(stored.clientMessageId !== null ? { clientMessageId: stored.clientMessageId } : {}),
          sentAt: stored.sentAt,
        },
      ],
      { lean: true, session },
    );
    const sender = readField[stored.senderSide];
    // One after the other: operations of one transaction may not run in parallel.
    await this.conversations
      .updateOne(
        { _id: stored.conversationId, lastMessageSeq: { $lt: stored.seq } },
        {
          $set: { lastMessageSeq: stored.seq, lastMessageId: stored.id },
          $max: { lastActivityAt: stored.sentAt },
        },
        { session },
      )
      .exec();
    await this.conversations
      .updateOne(
        { _id: stored.conversationId, $or: [{ [sender]: null }, { [`${sender}.seq`]: { $lt: stored.seq } }] },
        { $set: { [sender]: { seq: stored.seq, messageId: stored.id, at: stored.sentAt } } },
        { session },
      )
      .exec();
    return { message: stored, created: true };
  }

  async messages(conversationId: string, last: number, beforeSeq?: number): Promise<MessagePage> {
    const docs = await this.messagesModel
      .find({ conversationId, ...(beforeSeq !== undefined ? { seq: { $lt: beforeSeq } } : {}) })
      .sort({ seq: -1 })
      .limit(pageLimit(last))
      .lean<MessageDocument[]>()
      .exec();
    return messagePage(docs, last);
  }

  async latestMessages(conversationIds: readonly string[], last: number): Promise<Map<string, MessagePage>> {
    const pages = new Map<string, MessagePage>();
    if (conversationIds.length === 0) return pages;
    const groups = await this.messagesModel
      .aggregate<{ _id: string; newest: MessageDocument[] }>([
        { $match: { conversationId: { $in: [...conversationIds] } } },
        // $topN keeps only the newest few per conversation while grouping (MongoDB 5.2 and later).
        {
          $group: {
            _id: "$conversationId",
            newest: { $topN: { n: pageLimit(last), sortBy: { seq: -1 }, output: "$$ROOT" } },
          },
        },
      ])
      .exec();
    const byConversation = new Map(groups.map((group) => [group._id, group.newest]));
    for (const id of conversationIds) pages.set(id, messagePage(byConversation.get(id) ?? [], last));
    return pages;
  }

  async findMessages(ids: readonly string[]): Promise<MessageRecord[]> {
    if (ids.length === 0) return [];
    const docs = await this.messagesModel
      .find({ _id: { $in: [...ids] } })
      .lean<MessageDocument[]>()
      .exec();
    return docs.map(toMessage);
  }

  async markRead(side: ChatSide, message: MessageRecord, at: Date): Promise<ConversationRecord | null> {
    const field = readField[side];
    await this.conversations
      .updateOne(
        { _id: message.conversationId, $or: [{ [field]: null }, { [`${field}.seq`]: { $lt: message.seq } }] },
        { $set: { [field]: { seq: message.seq, messageId: message.id, at } } },
      )
      .exec();
    return this.findById(message.conversationId);
  }

  async unreadCounts(requests: readonly UnreadRequest[]): Promise<number[]> {
    if (requests.length === 0) return [];
    const counted = await this.messagesModel
      .aggregate<{ _id: { conversationId: string; senderSide: ChatSide }; n: number }>([
        {
          $match: {
            $or: requests.map((r) => ({
              conversationId: r.conversationId,
              senderSide: otherSide(r.side),
              seq: { $gt: r.afterSeq },
            })),
          },
        },
        { $group: { _id: { conversationId: "$conversationId", senderSide: "$senderSide" }, n: { $sum: 1 } } },
      ])
      .exec();
    const counts = new Map(counted.map((c) => [`${c._id.conversationId} ${c._id.senderSide}`, c.n]));
    // At most one request per (conversation, side), so one count per (conversation, sender) answers each.
    return requests.map((r) => counts.get(`${r.conversationId} ${otherSide(r.side)}`) ?? 0);
  }

  async claimNotification(claim: NotificationClaimRequest): Promise<NotificationClaim> {
    const message = await this.messagesModel
      .findOne({ _id: claim.messageId, conversationId: claim.conversationId })
      .lean<MessageDocument>()
      .exec();
    if (!message || message.text === "" || message.senderSide === claim.recipientSide) return "GONE";
    const read = readField[claim.recipientSide];
    const notified = notifiedField[claim.recipientSide];
    for (let attempt = 0; attempt < CLAIM_ATTEMPTS; attempt += 1) {
      const conversation = await this.conversations
        .findById(claim.conversationId)
        .lean<ConversationDocument>()
        .exec();
      if (!conversation) return "GONE";
      const readPosition = conversation[read] ?? null;
      const last = conversation[notified] ?? null;
      const outcome = decideNotificationClaim(
        { readSeq: readPosition?.seq ?? 0, notified: last },
        { id: claim.messageId, seq: message.seq },
        claim.coveredSince,
      );
      if (outcome !== "NOTIFY" || last?.messageId === claim.messageId) return outcome;
      // Written only if the side's state is still the one decided on; otherwise decided again.
      const { matchedCount } = await this.conversations
        .updateOne(
          {
            _id: claim.conversationId,
            [`${notified}.messageId`]: last?.messageId ?? null,
            [`${read}.seq`]: readPosition?.seq ?? null,
          },
          { $set: { [notified]: { seq: message.seq, messageId: claim.messageId, at: claim.at } } },
        )
        .exec();
      if (matchedCount === 1) return "NOTIFY";
    }
    throw new Error(`conversation ${claim.conversationId} kept changing while claiming a notification`);
  }

  async eraseParticipant(userId: string): Promise<void> {
    // Pipeline updates compute each id from the document, the same as erasedParticipantId(conversation, side).
    await this.messagesModel
      .updateMany(
        { senderId: userId },
        [
          {
            $set: {
              text: { $cond: [{ $eq: ["$senderSide", "CUSTOMER"] }, "", "$text"] },
              senderId: { $concat: ["deleted-", { $toLower: "$senderSide" }, "-", "$conversationId"] },
            },
          },
          { $unset: "clientMessageId" },
        ],
        { updatePipeline: true },
      )
      .exec();
    await this.conversations
      .updateMany(
        { customerId: userId },
        [{ $set: { customerId: { $concat: ["deleted-customer-", "$_id"] } } }],
        { updatePipeline: true },
      )
      .exec();
  }
}
