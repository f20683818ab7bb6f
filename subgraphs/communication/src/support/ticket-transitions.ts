import type { TicketState } from "./ticket.record.js";

/** What can happen to a ticket. */
export type TicketAction = "REQUESTER_REPLY" | "SUPPORT_REPLY" | "ASSIGN" | "CLOSE";

/**
 * The state a ticket moves to, or null when the action is not allowed from where it is.
 * Support answering hands the ticket to the requester (PENDING); the requester answering hands it
 * back to support: to its assignee (ASSIGNED) if it has one, else to the queue (OPEN). Assigning
 * does not change whose turn it is while support waits on the requester. Closed tickets are final:
 * the requester opens a new one.
 */
export function nextState(
  action: TicketAction,
  state: TicketState,
  hasAssignee: boolean,
): TicketState | null {
  if (state === "CLOSED") return null;
  switch (action) {
    case "REQUESTER_REPLY":
      return state === "PENDING" ? (hasAssignee ? "ASSIGNED" : "OPEN") : state;
    case "SUPPORT_REPLY":
      return "PENDING";
    case "ASSIGN":
      return state === "PENDING" ? "PENDING" : "ASSIGNED";
    case "CLOSE":
      return "CLOSED";
  }
}
