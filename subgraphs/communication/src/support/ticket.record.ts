/**
 * Where a ticket stands: waiting for support (OPEN, nobody on it yet; ASSIGNED, an admin owns it),
 * waiting for the person who opened it (PENDING: support answered), or done (CLOSED).
 */
export type TicketState = "OPEN" | "ASSIGNED" | "PENDING" | "CLOSED";

export const TICKET_CATEGORIES = ["ACCOUNT", "PAYMENTS", "LOYALTY", "VENDOR", "APP", "OTHER"] as const;
export type TicketCategory = (typeof TICKET_CATEGORIES)[number];

/** The author of support replies written by an admin whose account was deleted since. */
export const ERASED_AGENT_ID = "deleted-support-agent";

/** Who wrote a reply: the person who opened the ticket, or support (an admin). */
export type ReplyAuthorRole = "REQUESTER" | "SUPPORT";

export interface TicketRecord {
  id: string;
  requesterId: string;
  subject: string;
  body: string;
  category: TicketCategory | null;
  state: TicketState;
  /** The admin who owns the ticket; kept when the ticket closes. */
  assigneeId: string | null;
  createdAt: Date;
  /** The last change of any kind: opened, replied, assigned or closed. */
  updatedAt: Date;
  closedAt: Date | null;
}

export interface TicketReplyRecord {
  id: string;
  ticketId: string;
  authorId: string;
  authorRole: ReplyAuthorRole;
  body: string;
  createdAt: Date;
}

/** Position in a list of tickets by creation: (createdAt, id). */
export interface TicketListKey {
  createdAt: Date;
  id: string;
}

/** Which tickets a list shows. */
export interface TicketFilter {
  /** Only this person's tickets. */
  requesterId?: string;
  /** Only tickets in these states. */
  states?: readonly TicketState[];
  /** Only tickets assigned to this admin. */
  assigneeId?: string;
}
