import type { Announce, SqliteOutbox } from "@venta/events";
import { pageLimit, pageOf } from "@venta/store";
import type Database from "better-sqlite3";
import type {
  ChatSide,
  ConversationListKey,
  ConversationRecord,
  MessageRecord,
  NewMessage,
  ParticipantFilter,
  ReadPosition,
} from "./conversation.record.js";
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

interface ConversationRow {
  id: string;
  customer_id: string;
  vendor_id: string;
  created_at: number;
  last_activity_at: number;
  last_seq: number;
  last_message_id: string | null;
  customer_read_seq: number | null;
  customer_read_message_id: string | null;
  customer_read_at: number | null;
  vendor_read_seq: number | null;
  vendor_read_message_id: string | null;
  vendor_read_at: number | null;
}

interface MessageRow {
  id: string;
  conversation_id: string;
  seq: number;
  sender_id: string;
  sender_side: ChatSide;
  text: string;
  client_message_id: string | null;
  sent_at: number;
}

const readPosition = (
  seq: number | null,
  messageId: string | null,
  at: number | null,
): ReadPosition | null =>
  seq === null || messageId === null || at === null ? null : { seq, messageId, at: new Date(at) };

const toConversation = (row: ConversationRow): ConversationRecord => ({
  id: row.id,
  customerId: row.customer_id,
  vendorId: row.vendor_id,
  createdAt: new Date(row.created_at),
  lastActivityAt: new Date(row.last_activity_at),
  lastMessageId: row.last_message_id,
  customerRead: readPosition(row.customer_read_seq, row.customer_read_message_id, row.customer_read_at),
  vendorRead: readPosition(row.vendor_read_seq, row.vendor_read_message_id, row.vendor_read_at),
});

const toMessage = (row: MessageRow): MessageRecord => ({
  id: row.id,
  conversationId: row.conversation_id,
  seq: row.seq,
  senderId: row.sender_id,
  senderSide: row.sender_side,
  text: row.text,
  clientMessageId: row.client_message_id,
  sentAt: new Date(row.sent_at),
});

/** A page of rows read newest first (one more than asked), returned oldest first. */
const messagePage = (rows: MessageRow[], last: number): MessagePage => {
  const { records, hasNextPage } = pageOf(rows, last, toMessage);
  return { records: records.reverse(), hasPreviousPage: hasNextPage };
};

const readColumn = { CUSTOMER: "customer", VENDOR: "vendor" } as const satisfies Record<ChatSide, string>;

/** Where a side stands for notifications: how far it read, and what it was last told about. */
interface NotifiedRow {
  read_seq: number | null;
  notified_seq: number | null;
  notified_message_id: string | null;
  notified_at: number | null;
}

/**
 * Conversations and messages in the embedded SQLite database. A message, its conversation's
 * activity and its sender's read position move in one transaction, so lists and unread counts
 * never disagree with the messages.
 */
export class SqliteConversationsStore implements ConversationsStore {
  constructor(
    private readonly db: Database.Database,
    private readonly outbox: SqliteOutbox,
  ) {}

  async open(candidate: ConversationRecord): Promise<{ conversation: ConversationRecord; created: boolean }> {
    const { changes } = this.db
      .prepare(
        `INSERT OR IGNORE INTO chat_conversations (id, customer_id, vendor_id, created_at, last_activity_at)
         VALUES (?, ?, ?, ?, ?)`,
      )
      .run(
        candidate.id,
        candidate.customerId,
        candidate.vendorId,
        candidate.createdAt.getTime(),
        candidate.lastActivityAt.getTime(),
      );
    const row = this.db
      .prepare<[string, string], ConversationRow>(
        "SELECT * FROM chat_conversations WHERE customer_id = ? AND vendor_id = ?",
      )
      .get(candidate.customerId, candidate.vendorId) as ConversationRow;
    return { conversation: toConversation(row), created: changes === 1 };
  }

  async findById(id: string): Promise<ConversationRecord | null> {
    const row = this.db
      .prepare<[string], ConversationRow>("SELECT * FROM chat_conversations WHERE id = ?")
      .get(id);
    return row ? toConversation(row) : null;
  }

  private where(filter: ParticipantFilter, params: Record<string, unknown>): string {
    params.customerId = filter.customerId;
    params.vendorIds = JSON.stringify(filter.vendorIds);
    return `(customer_id = @customerId OR vendor_id IN (SELECT value FROM json_each(@vendorIds)))`;
  }

  async list(
    filter: ParticipantFilter,
    first: number,
    after?: ConversationListKey,
  ): Promise<ConversationPage> {
    const params: Record<string, unknown> = { limit: pageLimit(first) };
    let afterClause = "";
    if (after) {
      afterClause = "AND (last_activity_at, id) < (@afterActivity, @afterId)";
      params.afterActivity = after.lastActivityAt.getTime();
      params.afterId = after.id;
    }
    const rows = this.db
      .prepare<Record<string, unknown>, ConversationRow>(
        `SELECT * FROM chat_conversations WHERE ${this.where(filter, params)} ${afterClause}
         ORDER BY last_activity_at DESC, id DESC LIMIT @limit`,
      )
      .all(params);
    return pageOf(rows, first, toConversation);
  }

  async count(filter: ParticipantFilter): Promise<number> {
    const params: Record<string, unknown> = {};
    const row = this.db
      .prepare<Record<string, unknown>, { n: number }>(
        `SELECT count(*) AS n FROM chat_conversations WHERE ${this.where(filter, params)}`,
      )
      .get(params);
    return row?.n ?? 0;
  }

  async append(message: NewMessage, announce?: Announce<AppendedMessage>): Promise<AppendedMessage> {
    const append = (): AppendedMessage => {
      if (message.clientMessageId !== null) {
        const earlier = this.db
          .prepare<[string, string, string], MessageRow>(
            `SELECT * FROM chat_messages WHERE conversation_id = ? AND sender_id = ? AND client_message_id = ?`,
          )
          .get(message.conversationId, message.senderId, message.clientMessageId);
        if (earlier) return { message: toMessage(earlier), created: false };
      }
      const conversation = this.db
        .prepare<[string], { last_seq: number }>("SELECT last_seq FROM chat_conversations WHERE id = ?")
        .get(message.conversationId);
      if (!conversation) throw new Error(`no conversation ${message.conversationId}`);
      const seq = conversation.last_seq + 1;
      const sentAt = message.sentAt.getTime();
      this.db
        .prepare(
          `INSERT INTO chat_messages (id, conversation_id, seq, sender_id, sender_side, text, client_message_id, sent_at)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
        )
        .run(
          message.id,
          message.conversationId,
          seq,
          message.senderId,
          message.senderSide,
          message.text,
          message.clientMessageId,
          sentAt,
        );
      const side = readColumn[message.senderSide];
      this.db
        .prepare(
          `UPDATE chat_conversations SET last_seq = @seq, last_message_id = @id,
             last_activity_at = max(last_activity_at, @sentAt),
             ${side}_read_seq = @seq, ${side}_read_message_id = @id, ${side}_read_at = @sentAt
           WHERE id = @conversationId`,
        )
        .run({ seq, id: message.id, sentAt, conversationId: message.conversationId });
      return { message: { ...message, seq }, created: true };
    };
    return this.outbox.record(append, announce);
  }

  async messages(conversationId: string, last: number, beforeSeq?: number): Promise<MessagePage> {
    const rows = this.db
      .prepare<[string, number, number], MessageRow>(
        `SELECT * FROM chat_messages WHERE conversation_id = ? AND seq < ? ORDER BY seq DESC LIMIT ?`,
      )
      .all(conversationId, beforeSeq ?? Number.MAX_SAFE_INTEGER, pageLimit(last));
    return messagePage(rows, last);
  }

  async latestMessages(conversationIds: readonly string[], last: number): Promise<Map<string, MessagePage>> {
    const pages = new Map<string, MessagePage>();
    if (conversationIds.length === 0) return pages;
    const rows = this.db
      .prepare<[string, number], MessageRow>(
        `SELECT * FROM (
           SELECT m.*, row_number() OVER (PARTITION BY conversation_id ORDER BY seq DESC) AS position
           FROM chat_messages m WHERE conversation_id IN (SELECT value FROM json_each(?))
         ) WHERE position <= ? ORDER BY conversation_id, seq DESC`,
      )
      .all(JSON.stringify(conversationIds), pageLimit(last));
    const byConversation = new Map<string, MessageRow[]>();
    for (const row of rows) {
      const list = byConversation.get(row.conversation_id) ?? [];
      list.push(row);
      byConversation.set(row.conversation_id, list);
    }
    for (const id of conversationIds) pages.set(id, messagePage(byConversation.get(id) ?? [], last));
    return pages;
  }

  async findMessages(ids: readonly string[]): Promise<MessageRecord[]> {
    if (ids.length === 0) return [];
    return this.db
      .prepare<[string], MessageRow>(
        "SELECT * FROM chat_messages WHERE id IN (SELECT value FROM json_each(?))",
      )
      .all(JSON.stringify(ids))
      .map(toMessage);
  }

  async markRead(side: ChatSide, message: MessageRecord, at: Date): Promise<ConversationRecord | null> {
    const column = readColumn[side];
    this.db
      .prepare(
        `UPDATE chat_conversations
         SET ${column}_read_seq = @seq, ${column}_read_message_id = @messageId, ${column}_read_at = @at
         WHERE id = @conversationId AND coalesce(${column}_read_seq, 0) < @seq`,
      )
      .run({
        seq: message.seq,
        messageId: message.id,
        at: at.getTime(),
        conversationId: message.conversationId,
      });
    return this.findById(message.conversationId);
  }

  async unreadCounts(requests: readonly UnreadRequest[]): Promise<number[]> {
    if (requests.length === 0) return [];
    const rows = this.db
      .prepare<[string], { position: number; unread: number }>(
        `SELECT r.key AS position, (
           SELECT count(*) FROM chat_messages m
           WHERE m.conversation_id = json_extract(r.value, '$.conversationId')
             AND m.seq > json_extract(r.value, '$.afterSeq')
             AND m.sender_side != json_extract(r.value, '$.side')
         ) AS unread
         FROM json_each(?) r`,
      )
      .all(JSON.stringify(requests));
    const counts = requests.map(() => 0);
    for (const row of rows) counts[row.position] = row.unread;
    return counts;
  }

  async claimNotification(claim: NotificationClaimRequest): Promise<NotificationClaim> {
    const side = readColumn[claim.recipientSide];
    // IMMEDIATE: the decision and the claim are one step, however many consumers race.
    return this.db
      .transaction((): NotificationClaim => {
        const message = this.db
          .prepare<[string, string], { seq: number; text: string; sender_side: ChatSide }>(
            "SELECT seq, text, sender_side FROM chat_messages WHERE id = ? AND conversation_id = ?",
          )
          .get(claim.messageId, claim.conversationId);
        if (!message || message.text === "" || message.sender_side === claim.recipientSide) return "GONE";
        const state = this.db
          .prepare<[string], NotifiedRow>(
            `SELECT ${side}_read_seq AS read_seq, ${side}_notified_seq AS notified_seq,
               ${side}_notified_message_id AS notified_message_id, ${side}_notified_at AS notified_at
             FROM chat_conversations WHERE id = ?`,
          )
          .get(claim.conversationId);
        if (!state) return "GONE";
        const outcome = decideNotificationClaim(
          {
            readSeq: state.read_seq ?? 0,
            notified:
              state.notified_seq === null || state.notified_message_id === null || state.notified_at === null
                ? null
                : {
                    seq: state.notified_seq,
                    messageId: state.notified_message_id,
                    at: new Date(state.notified_at),
                  },
          },
          { id: claim.messageId, seq: message.seq },
          claim.coveredSince,
        );
        if (outcome === "NOTIFY" && state.notified_message_id !== claim.messageId) {
          this.db
            .prepare(
              `UPDATE chat_conversations SET ${side}_notified_seq = ?, ${side}_notified_message_id = ?,
                 ${side}_notified_at = ? WHERE id = ?`,
            )
            .run(message.seq, claim.messageId, claim.at.getTime(), claim.conversationId);
        }
        return outcome;
      })
      .immediate();
  }

  async eraseParticipant(userId: string): Promise<void> {
    this.db.transaction(() => {
      // The same ids as erasedParticipantId(conversation, side).
      this.db
        .prepare(
          `UPDATE chat_messages SET
             text = CASE WHEN sender_side = 'CUSTOMER' THEN '' ELSE text END,
             sender_id = 'deleted-' || lower(sender_side) || '-' || conversation_id,
             client_message_id = NULL
           WHERE sender_id = ?`,
        )
        .run(userId);
      this.db
        .prepare(
          "UPDATE chat_conversations SET customer_id = 'deleted-customer-' || id WHERE customer_id = ?",
        )
        .run(userId);
    })();
  }
}
