import type { Announce } from "@venta/events";
import type {
  TicketFilter,
  TicketListKey,
  TicketRecord,
  TicketReplyRecord,
  TicketState,
} from "./ticket.record.js";

export interface TicketPage {
  records: TicketRecord[];
  hasNextPage: boolean;
}

export interface TicketReplyPage {
  records: TicketReplyRecord[];
  hasNextPage: boolean;
}

/** A change to a ticket that applies only while the ticket is still in one of `from`. */
export interface TicketChange {
  ticketId: string;
  from: readonly TicketState[];
  state: TicketState;
  at: Date;
  /** Set to assign; absent leaves the assignee as it is. */
  assigneeId?: string;
  /** Stored with the change: the reply that caused it. */
  reply?: TicketReplyRecord;
}

/** Where support tickets, their replies and the known support agents live. Each adapter must pass `tickets.store.contract.ts`. */
export interface TicketsStore {
  /** Stores a new ticket; what `announce` makes of it goes to the outbox in the same write. */
  create(ticket: TicketRecord, announce?: Announce<TicketRecord>): Promise<void>;
  findById(id: string): Promise<TicketRecord | null>;
  /**
   * Applies the change if the ticket is in one of its `from` states, with its reply if any, and
   * what `announce` makes of the changed ticket goes to the outbox in the same write; returns the
   * ticket afterwards, or null (changing and announcing nothing) when the ticket is elsewhere or unknown.
   */
  change(change: TicketChange, announce?: Announce<TicketRecord>): Promise<TicketRecord | null>;
  /** Tickets matching the filter by creation, oldest first or newest first. */
  list(
    filter: TicketFilter,
    order: "OLDEST_FIRST" | "NEWEST_FIRST",
    first: number,
    after?: TicketListKey,
  ): Promise<TicketPage>;
  count(filter: TicketFilter): Promise<number>;
  /** A ticket's replies, oldest first, after the position `after` if given. */
  replies(ticketId: string, first: number, after?: { createdAt: Date; id: string }): Promise<TicketReplyPage>;
  /** The first `first` replies of each ticket, in one round trip. */
  firstReplies(ticketIds: readonly string[], first: number): Promise<Map<string, TicketReplyPage>>;
  /** Remembers an admin as a support agent, who tickets may be assigned to. */
  registerAgent(userId: string, at: Date): Promise<void>;
  isAgent(userId: string): Promise<boolean>;
  /**
   * Takes a deleted account out of support: the tickets it opened go with all their replies. What
   * it wrote as support stays (the answer belongs to the person it was given to) but names
   * `ERASED_AGENT_ID` instead; tickets assigned to it lose their assignee (an ASSIGNED one goes back
   * to the queue, OPEN), and it is no longer an agent. Idempotent.
   */
  eraseUser(userId: string): Promise<void>;
}
