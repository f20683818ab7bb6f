import type { Consumption, EventBus, TicketUpdated } from "@venta/events";
import type { Logger } from "@venta/kit";
import type { NotificationsService } from "../notifications/notifications.service.js";
import type { TicketsStore } from "./tickets.store.js";

export const SUPPORT_NOTIFICATIONS_CONSUMER = "communication.support.notifications";

export type SupportNoticeOutcome = "NOTIFIED" | "IGNORED";

/**
 * Tells the person who opened a ticket when support answers or closes it (SUPPORT_UPDATE), never
 * about what they did themselves nor about support's own housekeeping (assigning). The notice names
 * the request but does not quote the answer: answers can carry account or payment details, which
 * do not belong in e-mails, texts or lock screens; the app shows them. One notification per event.
 */
export class SupportNotifier {
  constructor(
    private readonly tickets: TicketsStore,
    private readonly notifications: NotificationsService,
  ) {}

  /** Handles one `communication.ticket_updated`; safe to call again with the same event. */
  async onTicketUpdated(eventId: string, update: TicketUpdated): Promise<SupportNoticeOutcome> {
    if (update.actorId === update.requesterId) return "IGNORED";
    if (update.change !== "REPLIED" && update.change !== "CLOSED") return "IGNORED";
    // Gone when the requester deleted their account meanwhile: nobody left to tell.
    const ticket = await this.tickets.findById(update.ticketId);
    if (!ticket || ticket.requesterId !== update.requesterId) return "IGNORED";
    await this.notifications.notify({
      userId: ticket.requesterId,
      topic: "SUPPORT_UPDATE",
      params:
        update.change === "REPLIED" ? { answeredTicket: ticket.subject } : { closedTicket: ticket.subject },
      subjectId: ticket.id,
      data: { ticketId: ticket.id },
      dedupeKey: `support:${eventId}`,
    });
    return "NOTIFIED";
  }
}

/** Support's notifications from the bus: every ticket change, from the outbox support writes them to. */
export function followTicketUpdates(bus: EventBus, notifier: SupportNotifier, log: Logger): Consumption {
  return bus.consume(SUPPORT_NOTIFICATIONS_CONSUMER, ["communication.ticket_updated"], async (event) => {
    const update = event.payload as TicketUpdated;
    const outcome = await notifier.onTicketUpdated(event.id, update);
    log.debug({ ticketId: update.ticketId, change: update.change, outcome }, "support notice");
  });
}
