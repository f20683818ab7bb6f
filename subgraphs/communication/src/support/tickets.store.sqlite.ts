import type { Announce, SqliteOutbox } from "@venta/events";
import { pageLimit, pageOf } from "@venta/store";
import type Database from "better-sqlite3";
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

interface TicketRow {
  id: string;
  requester_id: string;
  subject: string;
  body: string;
  category: TicketCategory | null;
  state: TicketState;
  assignee_id: string | null;
  created_at: number;
  updated_at: number;
  closed_at: number | null;
}

interface ReplyRow {
  id: string;
  ticket_id: string;
  author_id: string;
  author_role: TicketReplyRecord["authorRole"];
  body: string;
  created_at: number;
}

const toTicket = (row: TicketRow): TicketRecord => ({
  id: row.id,
  requesterId: row.requester_id,
  subject: row.subject,
  body: row.body,
  category: row.category,
  state: row.state,
  assigneeId: row.assignee_id,
  createdAt: new Date(row.created_at),
  updatedAt: new Date(row.updated_at),
  closedAt: row.closed_at === null ? null : new Date(row.closed_at),
});

const toReply = (row: ReplyRow): TicketReplyRecord => ({
  id: row.id,
  ticketId: row.ticket_id,
  authorId: row.author_id,
  authorRole: row.author_role,
  body: row.body,
  createdAt: new Date(row.created_at),
});

/**
 * Support tickets in the embedded SQLite database. A state change and the reply that causes it
 * are written in one transaction, guarded by the state the change starts from, so two admins
 * acting at once cannot both move a ticket out of the same state.
 */
export class SqliteTicketsStore implements TicketsStore {
  constructor(
    private readonly db: Database.Database,
    private readonly outbox: SqliteOutbox,
  ) {}

  async create(ticket: TicketRecord, announce?: Announce<TicketRecord>): Promise<void> {
    const insert = () =>
      this.db
        .prepare(
          `INSERT INTO support_tickets (id, requester_id, subject, body, category, state, assignee_id, created_at, updated_at, closed_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        )
        .run(
          ticket.id,
          ticket.requesterId,
          ticket.subject,
          ticket.body,
          ticket.category,
          ticket.state,
          ticket.assigneeId,
          ticket.createdAt.getTime(),
          ticket.updatedAt.getTime(),
          ticket.closedAt?.getTime() ?? null,
        );
    this.outbox.record(insert, announce && (() => announce(ticket)));
  }

  async findById(id: string): Promise<TicketRecord | null> {
    return this.get(id);
  }

  private get(id: string): TicketRecord | null {
    const row = this.db.prepare<[string], TicketRow>("SELECT * FROM support_tickets WHERE id = ?").get(id);
    return row ? toTicket(row) : null;
  }

  async change(change: TicketChange, announce?: Announce<TicketRecord>): Promise<TicketRecord | null> {
    const apply = (): TicketRecord | null => {
      const at = change.at.getTime();
      const { changes } = this.db
        .prepare(
          `UPDATE support_tickets SET state = @state, updated_at = @at,
             assignee_id = coalesce(@assigneeId, assignee_id),
             closed_at = CASE WHEN @state = 'CLOSED' THEN @at ELSE NULL END
           WHERE id = @id AND state IN (SELECT value FROM json_each(@from))`,
        )
        .run({
          id: change.ticketId,
          state: change.state,
          at,
          assigneeId: change.assigneeId ?? null,
          from: JSON.stringify(change.from),
        });
      if (changes !== 1) return null;
      const reply = change.reply;
      if (reply) {
        this.db
          .prepare(
            `INSERT INTO support_replies (id, ticket_id, author_id, author_role, body, created_at)
             VALUES (?, ?, ?, ?, ?, ?)`,
          )
          .run(
            reply.id,
            reply.ticketId,
            reply.authorId,
            reply.authorRole,
            reply.body,
            reply.createdAt.getTime(),
          );
      }
      return this.get(change.ticketId);
    };
    return this.outbox.record(apply, announce && ((ticket) => (ticket ? announce(ticket) : [])));
  }

  private where(filter: TicketFilter, params: Record<string, unknown>): string {
    const clauses = ["1 = 1"];
    if (filter.requesterId !== undefined) {
      clauses.push("requester_id = @requesterId");
      params.requesterId = filter.requesterId;
    }
    if (filter.states !== undefined) {
      clauses.push("state IN (SELECT value FROM json_each(@states))");
      params.states = JSON.stringify(filter.states);
    }
    if (filter.assigneeId !== undefined) {
      clauses.push("assignee_id = @assigneeId");
      params.assigneeId = filter.assigneeId;
    }
    return clauses.join(" AND ");
  }

  async list(
    filter: TicketFilter,
    order: "OLDEST_FIRST" | "NEWEST_FIRST",
    first: number,
    after?: TicketListKey,
  ): Promise<TicketPage> {
    const params: Record<string, unknown> = { limit: pageLimit(first) };
    const where = this.where(filter, params);
    const direction = order === "OLDEST_FIRST" ? "ASC" : "DESC";
    let afterClause = "";
    if (after) {
      afterClause = `AND (created_at, id) ${order === "OLDEST_FIRST" ? ">" : "<"} (@afterCreatedAt, @afterId)`;
      params.afterCreatedAt = after.createdAt.getTime();
      params.afterId = after.id;
    }
    const rows = this.db
      .prepare<Record<string, unknown>, TicketRow>(
        `SELECT * FROM support_tickets WHERE ${where} ${afterClause}
         ORDER BY created_at ${direction}, id ${direction} LIMIT @limit`,
      )
      .all(params);
    return pageOf(rows, first, toTicket);
  }

  async count(filter: TicketFilter): Promise<number> {
    const params: Record<string, unknown> = {};
    const row = this.db
      .prepare<Record<string, unknown>, { n: number }>(
        `SELECT count(*) AS n FROM support_tickets WHERE ${this.where(filter, params)}`,
      )
      .get(params);
    return row?.n ?? 0;
  }

  async replies(
    ticketId: string,
    first: number,
    after?: { createdAt: Date; id: string },
  ): Promise<TicketReplyPage> {
    const rows = this.db
      .prepare<[string, number, string, number], ReplyRow>(
        `SELECT * FROM support_replies WHERE ticket_id = ? AND (created_at, id) > (?, ?)
         ORDER BY created_at, id LIMIT ?`,
      )
      .all(ticketId, after?.createdAt.getTime() ?? -1, after?.id ?? "", pageLimit(first));
    return pageOf(rows, first, toReply);
  }

  async firstReplies(ticketIds: readonly string[], first: number): Promise<Map<string, TicketReplyPage>> {
    const pages = new Map<string, TicketReplyPage>();
    if (ticketIds.length === 0) return pages;
    const rows = this.db
      .prepare<[string, number], ReplyRow>(
        `SELECT * FROM (
           SELECT r.*, row_number() OVER (PARTITION BY ticket_id ORDER BY created_at, id) AS position
           FROM support_replies r WHERE ticket_id IN (SELECT value FROM json_each(?))
         ) WHERE position <= ? ORDER BY ticket_id, created_at, id`,
      )
      .all(JSON.stringify(ticketIds), pageLimit(first));
    const byTicket = new Map<string, ReplyRow[]>();
    for (const row of rows) {
      const list = byTicket.get(row.ticket_id) ?? [];
      list.push(row);
      byTicket.set(row.ticket_id, list);
    }
    for (const id of ticketIds) {
      const list = byTicket.get(id) ?? [];
      pages.set(id, pageOf(list, first, toReply));
    }
    return pages;
  }

  async registerAgent(userId: string, at: Date): Promise<void> {
    this.db
      .prepare("INSERT OR IGNORE INTO support_agents (user_id, first_seen_at) VALUES (?, ?)")
      .run(userId, at.getTime());
  }

  async isAgent(userId: string): Promise<boolean> {
    return (
      this.db
        .prepare<[string], { user_id: string }>("SELECT user_id FROM support_agents WHERE user_id = ?")
        .get(userId) !== undefined
    );
  }

  async eraseUser(userId: string): Promise<void> {
    this.db.transaction(() => {
      this.db
        .prepare(
          "DELETE FROM support_replies WHERE ticket_id IN (SELECT id FROM support_tickets WHERE requester_id = ?)",
        )
        .run(userId);
      this.db.prepare("DELETE FROM support_tickets WHERE requester_id = ?").run(userId);
      this.db
        .prepare("UPDATE support_replies SET author_id = ? WHERE author_id = ?")
        .run(ERASED_AGENT_ID, userId);
      this.db
        .prepare(
          `UPDATE support_tickets SET assignee_id = NULL,
             state = CASE WHEN state = 'ASSIGNED' THEN 'OPEN' ELSE state END
           WHERE assignee_id = ?`,
        )
        .run(userId);
      this.db.prepare("DELETE FROM support_agents WHERE user_id = ?").run(userId);
    })();
  }
}
