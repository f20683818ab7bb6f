import { randomUUID } from "node:crypto";
import { forbidden, isAdmin, unauthenticated, type Viewer } from "@venta/auth";
import { type DomainEvent, newEvent, type TicketUpdated } from "@venta/events";
import { badUserInput, conflict, notFound } from "@venta/kit";
import type { TicketCategory, TicketFilter, TicketRecord, TicketState } from "./ticket.record.js";
import { nextState, type TicketAction } from "./ticket-transitions.js";
import type { TicketsStore } from "./tickets.store.js";

export const MAX_SUBJECT_LENGTH = 200;
export const MAX_BODY_LENGTH = 10_000;
/** States a ticket is in while it still needs someone: what the admins' queue shows by default. */
export const ACTIVE_STATES: readonly TicketState[] = ["OPEN", "ASSIGNED", "PENDING"];
/** Changes retried when another admin moved the ticket in between, before giving up with CONFLICT. */
const ATTEMPTS = 3;

export interface OpenTicket {
  subject: string;
  body: string;
  category?: TicketCategory | null;
}

function text(value: string, field: string, max: number): string {
  const trimmed = value.trim();
  const length = [...trimmed].length;
  if (length < 1 || length > max) throw badUserInput(`\`${field}\` has 1 to ${max} characters`, field);
  return trimmed;
}

/** The event that tells of a ticket's change, written in the same write as the change. */
function announcement(ticket: TicketRecord, change: TicketUpdated["change"], actorId: string): DomainEvent[] {
  return [
    newEvent(
      "communication.ticket_updated",
      {
        ticketId: ticket.id,
        requesterId: ticket.requesterId,
        change,
        state: ticket.state,
        assigneeId: ticket.assigneeId,
        actorId,
        at: ticket.updatedAt.toISOString(),
      },
      ticket.updatedAt,
    ),
  ];
}

/**
 * Support tickets: a person opens one and talks with support until it is closed; admins work the
 * queue. A ticket is visible to the person who opened it and to admins; to anyone else it does not
 * exist (NOT_FOUND). A change that does not fit the ticket's state is BAD_USER_INPUT.
 */
export class TicketsService {
  /** Admins already registered as support agents by this process, so each costs one write. */
  private readonly knownAgents = new Set<string>();

  constructor(
    private readonly tickets: TicketsStore,
    private readonly now: () => Date = () => new Date(),
  ) {}

  async open(viewer: Viewer, input: OpenTicket): Promise<TicketRecord> {
    const requesterId = this.person(viewer);
    const subject = text(input.subject, "subject", MAX_SUBJECT_LENGTH);
    const body = text(input.body, "body", MAX_BODY_LENGTH);
    const at = this.now();
    const ticket: TicketRecord = {
      id: randomUUID(),
      requesterId,
      subject,
      body,
      category: input.category ?? null,
      state: "OPEN",
      assigneeId: null,
      createdAt: at,
      updatedAt: at,
      closedAt: null,
    };
    await this.tickets.create(ticket, (opened) => announcement(opened, "OPENED", requesterId));
    return ticket;
  }

  /** The ticket, if the caller opened it or is an admin; NOT_FOUND otherwise. */
  async visible(viewer: Viewer, ticketId: string): Promise<TicketRecord> {
    const userId = this.person(viewer);
    const ticket = await this.tickets.findById(ticketId);
    if (!ticket || (ticket.requesterId !== userId && !isAdmin(viewer)))
      throw notFound(`no support ticket with id ${ticketId}`);
    if (isAdmin(viewer)) await this.registerAgent(userId);
    return ticket;
  }

  /** A reply by the person who opened the ticket, or by support (an admin). */
  async reply(viewer: Viewer, ticketId: string, body: string): Promise<TicketRecord> {
    const replyBody = text(body, "body", MAX_BODY_LENGTH);
    const ticket = await this.visible(viewer, ticketId);
    const authorId = viewer.userId as string;
    const byRequester = ticket.requesterId === authorId;
    const at = this.now();
    return this.change(ticket, byRequester ? "REQUESTER_REPLY" : "SUPPORT_REPLY", at, "REPLIED", authorId, {
      reply: {
        id: randomUUID(),
        ticketId,
        authorId,
        authorRole: byRequester ? "REQUESTER" : "SUPPORT",
        body: replyBody,
        createdAt: at,
      },
    });
  }

  /** Gives the ticket to a support agent: the calling admin unless another agent is named. */
  async assign(viewer: Viewer, ticketId: string, assigneeId?: string | null): Promise<TicketRecord> {
    if (!isAdmin(viewer)) throw forbidden("only an admin assigns support tickets");
    const ticket = await this.visible(viewer, ticketId);
    const actorId = viewer.userId as string;
    const assignee = assigneeId ?? actorId;
    if (assignee !== actorId && !(await this.tickets.isAgent(assignee)))
      throw badUserInput("tickets are assigned to admins who have worked the support queue", "assigneeId");
    return this.change(ticket, "ASSIGN", this.now(), "ASSIGNED", actorId, { assigneeId: assignee });
  }

  /** Closes the ticket, by the person who opened it or an admin; closed tickets stay closed. */
  async close(viewer: Viewer, ticketId: string): Promise<TicketRecord> {
    const ticket = await this.visible(viewer, ticketId);
    return this.change(ticket, "CLOSE", this.now(), "CLOSED", viewer.userId as string, {});
  }

  /** The caller's own tickets. */
  mine(viewer: Viewer, state?: TicketState | null): TicketFilter {
    return { requesterId: this.person(viewer), ...(state ? { states: [state] } : {}) };
  }

  /** The admins' queue: the active tickets unless a state is named, optionally one assignee's. */
  async queue(viewer: Viewer, state?: TicketState | null, assigneeId?: string | null): Promise<TicketFilter> {
    if (!isAdmin(viewer)) throw forbidden("only admins see the support queue");
    await this.registerAgent(this.person(viewer));
    return { states: state ? [state] : ACTIVE_STATES, ...(assigneeId ? { assigneeId } : {}) };
  }

  /**
   * Applies an action from the ticket's current state, guarded by that state, and announces it in
   * the same write; when another change got in first, it is worked out again from the ticket as it
   * is now.
   */
  private async change(
    ticket: TicketRecord,
    action: TicketAction,
    at: Date,
    change: TicketUpdated["change"],
    actorId: string,
    extra: { assigneeId?: string; reply?: NonNullable<Parameters<TicketsStore["change"]>[0]["reply"]> },
  ): Promise<TicketRecord> {
    let current: TicketRecord | null = ticket;
    for (let attempt = 0; attempt < ATTEMPTS && current; attempt += 1) {
      const hasAssignee = (extra.assigneeId ?? current.assigneeId) !== null;
      const state = nextState(action, current.state, hasAssignee);
      if (state === null)
        throw badUserInput(
          current.state === "CLOSED"
            ? "this ticket is closed; open a new one"
            : `a ${current.state} ticket cannot be changed this way`,
          "ticketId",
        );
      const changed = await this.tickets.change(
        { ticketId: current.id, from: [current.state], state, at, ...extra },
        (updated) => announcement(updated, change, actorId),
      );
      if (changed) return changed;
      current = await this.tickets.findById(ticket.id);
    }
    throw conflict("the ticket changed meanwhile; try again", "ticketId");
  }

  private async registerAgent(userId: string): Promise<void> {
    if (this.knownAgents.has(userId)) return;
    await this.tickets.registerAgent(userId, this.now());
    this.knownAgents.add(userId);
  }

  private person(viewer: Viewer): string {
    if (viewer.userId !== null) return viewer.userId;
    if (viewer.partner === null) throw unauthenticated();
    throw forbidden("only a signed-in person has support tickets");
  }
}
