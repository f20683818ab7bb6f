import type { Announce, MongoOutbox } from "@venta/events";
import { isMongoDuplicateKey, pageLimit, pageOf, registerModel } from "@venta/store";
import { type Connection, type Model, Schema } from "mongoose";
import {
  ERASED_AGENT_ID,
  type TicketCategory,
  type TicketFilter,
  type TicketListKey,
  type TicketRecord,
  type TicketReplyRecord,
  type TicketState,
} from "./ticket.record.js";
import type { TicketChange, TicketPage, TicketReplyPage, TicketsStore } from "./tickets.store.js";

interface TicketDocument {
  _id: string;
  requesterId: string;
  subject: string;
  body: string;
  category: TicketCategory | null;
  state: TicketState;
  assigneeId: string | null;
  createdAt: Date;
  updatedAt: Date;
  closedAt: Date | null;
}

interface ReplyDocument {
  _id: string;
  ticketId: string;
  authorId: string;
  authorRole: TicketReplyRecord["authorRole"];
  body: string;
  createdAt: Date;
}

interface AgentDocument {
  _id: string;
  firstSeenAt: Date;
}

const ticketSchema = new Schema<TicketDocument>(
  {
    _id: { type: String, required: true },
    requesterId: { type: String, required: true },
    subject: { type: String, required: true },
    body: { type: String, required: true },
    category: { type: String, default: null },
    state: { type: String, required: true },
    assigneeId: { type: String, default: null },
    createdAt: { type: Date, required: true },
    updatedAt: { type: Date, required: true },
    closedAt: { type: Date, default: null },
  },
  { collection: "support_tickets", versionKey: false, timestamps: false, autoIndex: false },
);
ticketSchema.index({ requesterId: 1, createdAt: -1, _id: -1 });
ticketSchema.index({ state: 1, createdAt: 1, _id: 1 });
ticketSchema.index({ assigneeId: 1, createdAt: 1, _id: 1 });

const replySchema = new Schema<ReplyDocument>(
  {
    _id: { type: String, required: true },
    ticketId: { type: String, required: true },
    authorId: { type: String, required: true },
    authorRole: { type: String, required: true },
    body: { type: String, required: true },
    createdAt: { type: Date, required: true },
  },
  { collection: "support_replies", versionKey: false, timestamps: false, autoIndex: false },
);
replySchema.index({ ticketId: 1, createdAt: 1, _id: 1 });
replySchema.index({ authorId: 1 });

const agentSchema = new Schema<AgentDocument>(
  { _id: { type: String, required: true }, firstSeenAt: { type: Date, required: true } },
  { collection: "support_agents", versionKey: false, timestamps: false, autoIndex: false },
);

const toTicket = (doc: TicketDocument): TicketRecord => ({
  id: doc._id,
  requesterId: doc.requesterId,
  subject: doc.subject,
  body: doc.body,
  category: doc.category ?? null,
  state: doc.state,
  assigneeId: doc.assigneeId ?? null,
  createdAt: doc.createdAt,
  updatedAt: doc.updatedAt,
  closedAt: doc.closedAt ?? null,
});

const toReply = (doc: ReplyDocument): TicketReplyRecord => ({
  id: doc._id,
  ticketId: doc.ticketId,
  authorId: doc.authorId,
  authorRole: doc.authorRole,
  body: doc.body,
  createdAt: doc.createdAt,
});

/**
 * Support tickets in MongoDB. A change is one guarded `findOneAndUpdate` (the ticket must still be
 * in a state the change starts from), so racing admins cannot both win; the reply that caused it
 * is inserted only after the guard let it through, in the same transaction as the change and its
 * announcement when there is one.
 */
export class MongoTicketsStore implements TicketsStore {
  private readonly tickets: Model<TicketDocument>;
  private readonly repliesModel: Model<ReplyDocument>;
  private readonly agents: Model<AgentDocument>;

  constructor(
    connection: Connection,
    private readonly outbox: MongoOutbox,
  ) {
    this.tickets = registerModel<TicketDocument>(connection, "SupportTicket", ticketSchema);
    this.repliesModel = registerModel<ReplyDocument>(connection, "SupportReply", replySchema);
    this.agents = registerModel<AgentDocument>(connection, "SupportAgent", agentSchema);
  }

  /** Indexes are built at start-up, never lazily on a first request. */

  async create(ticket: TicketRecord, announce?: Announce<TicketRecord>): Promise<void> {
    const { id, ...rest } = ticket;
    await this.outbox.record(async (session) => {
      await this.tickets.insertMany([{ _id: id, ...rest }], { lean: true, session });
      return ticket;
    }, announce);
  }

  async findById(id: string): Promise<TicketRecord | null> {
    const doc = await this.tickets.findById(id).lean<TicketDocument>().exec();
    return doc ? toTicket(doc) : null;
  }

  async change(change: TicketChange, announce?: Announce<TicketRecord>): Promise<TicketRecord | null> {
    const set: Partial<TicketDocument> = {
      state: change.state,
      updatedAt: change.at,
      closedAt: change.state === "CLOSED" ? change.at : null,
      ...(change.assigneeId !== undefined ? { assigneeId: change.assigneeId } : {}),
    };
    return this.outbox.record(
      async (session) => {
        const doc = await this.tickets
          .findOneAndUpdate(
            { _id: change.ticketId, state: { $in: [...change.from] } },
            { $set: set },
            { new: true, session },
          )
          .lean<TicketDocument>()
          .exec();
        if (!doc) return null;
        const reply = change.reply;
        if (reply) {
          const { id, ...rest } = reply;
          await this.repliesModel.insertMany([{ _id: id, ...rest }], { lean: true, session });
        }
        return toTicket(doc);
      },
      announce && ((ticket) => (ticket ? announce(ticket) : [])),
    );
  }

  private filterOf(filter: TicketFilter): Record<string, unknown> {
    return {
      ...(filter.requesterId !== undefined ? { requesterId: filter.requesterId } : {}),
      ...(filter.states !== undefined ? { state: { $in: [...filter.states] } } : {}),
      ...(filter.assigneeId !== undefined ? { assigneeId: filter.assigneeId } : {}),
    };
  }

  async list(
    filter: TicketFilter,
    order: "OLDEST_FIRST" | "NEWEST_FIRST",
    first: number,
    after?: TicketListKey,
  ): Promise<TicketPage> {
    const query = this.filterOf(filter);
    const beyond = order === "OLDEST_FIRST" ? "$gt" : "$lt";
    if (after) {
      query.$or = [
        { createdAt: { [beyond]: after.createdAt } },
        { createdAt: after.createdAt, _id: { [beyond]: after.id } },
      ];
    }
    const direction = order === "OLDEST_FIRST" ? 1 : -1;
    const docs = await this.tickets
      .find(query)
      .sort({ createdAt: direction, _id: direction })
      .limit(pageLimit(first))
      .lean<TicketDocument[]>()
      .exec();
    return pageOf(docs, first, toTicket);
  }

  count(filter: TicketFilter): Promise<number> {
    return this.tickets.countDocuments(this.filterOf(filter)).exec();
  }

  async replies(
    ticketId: string,
    first: number,
    after?: { createdAt: Date; id: string },
  ): Promise<TicketReplyPage> {
    const query: Record<string, unknown> = { ticketId };
    if (after) {
      query.$or = [
        { createdAt: { $gt: after.createdAt } },
        { createdAt: after.createdAt, _id: { $gt: after.id } },
      ];
    }
    const docs = await this.repliesModel
      .find(query)
      .sort({ createdAt: 1, _id: 1 })
      .limit(pageLimit(first))
      .lean<ReplyDocument[]>()
      .exec();
    return pageOf(docs, first, toReply);
  }

  async firstReplies(ticketIds: readonly string[], first: number): Promise<Map<string, TicketReplyPage>> {
    const pages = new Map<string, TicketReplyPage>();
    if (ticketIds.length === 0) return pages;
    const groups = await this.repliesModel
      .aggregate<{ _id: string; oldest: ReplyDocument[] }>([
        { $match: { ticketId: { $in: [...ticketIds] } } },
        // $topN keeps only the first few per ticket while grouping (MongoDB 5.2 and later).
        {
          $group: {
            _id: "$ticketId",
            oldest: { $topN: { n: pageLimit(first), sortBy: { createdAt: 1, _id: 1 }, output: "$$ROOT" } },
          },
        },
      ])
      .exec();
    const byTicket = new Map(groups.map((group) => [group._id, group.oldest]));
    for (const id of ticketIds) {
      const docs = byTicket.get(id) ?? [];
      pages.set(id, pageOf(docs, first, toReply));
    }
    return pages;
  }

  async registerAgent(userId: string, at: Date): Promise<void> {
    try {
      await this.agents
        .updateOne({ _id: userId }, { $setOnInsert: { firstSeenAt: at } }, { upsert: true })
        .exec();
    } catch (error) {
      // Two first sightings at once: the other one registered the agent.
      if (!isMongoDuplicateKey(error)) throw error;
    }
  }

  async isAgent(userId: string): Promise<boolean> {
    return (await this.agents.exists({ _id: userId }).exec()) !== null;
  }

  async eraseUser(userId: string): Promise<void> {
    // Replies before their tickets, so that an erasure cut short leaves tickets to find it again by.
    const opened = await this.tickets
      .find({ requesterId: userId }, { _id: 1 })
      .lean<{ _id: string }[]>()
      .exec();
    const ticketIds = opened.map((ticket) => ticket._id);
    if (ticketIds.length > 0) {
      await this.repliesModel.deleteMany({ ticketId: { $in: ticketIds } }).exec();
      await this.tickets.deleteMany({ _id: { $in: ticketIds } }).exec();
    }
    await this.repliesModel.updateMany({ authorId: userId }, { $set: { authorId: ERASED_AGENT_ID } }).exec();
    await this.tickets
      .updateMany(
        { assigneeId: userId },
        [
          {
            $set: {
              assigneeId: null,
              state: { $cond: [{ $eq: ["$state", "ASSIGNED"] }, "OPEN", "$state"] },
            },
          },
        ],
        { updatePipeline: true },
      )
      .exec();
    await this.agents.deleteOne({ _id: userId }).exec();
  }
}
