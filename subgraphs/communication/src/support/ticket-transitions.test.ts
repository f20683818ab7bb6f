import { describe, expect, it } from "vitest";
import type { TicketState } from "./ticket.record.js";
import { nextState, type TicketAction } from "./ticket-transitions.js";

describe("support ticket states", () => {
  it.each<[TicketAction, TicketState, boolean, TicketState | null]>([
    ["SUPPORT_REPLY", "OPEN", false, "PENDING"],
    ["SUPPORT_REPLY", "ASSIGNED", true, "PENDING"],
    ["REQUESTER_REPLY", "PENDING", true, "ASSIGNED"],
    ["REQUESTER_REPLY", "PENDING", false, "OPEN"],
    ["REQUESTER_REPLY", "OPEN", false, "OPEN"],
    ["REQUESTER_REPLY", "ASSIGNED", true, "ASSIGNED"],
    ["ASSIGN", "OPEN", false, "ASSIGNED"],
    ["ASSIGN", "ASSIGNED", true, "ASSIGNED"],
    ["ASSIGN", "PENDING", true, "PENDING"],
    ["CLOSE", "OPEN", false, "CLOSED"],
    ["CLOSE", "PENDING", true, "CLOSED"],
    ["CLOSE", "CLOSED", true, null],
    ["ASSIGN", "CLOSED", true, null],
    ["REQUESTER_REPLY", "CLOSED", false, null],
    ["SUPPORT_REPLY", "CLOSED", true, null],
  ])("%s on a %s ticket (assigned: %s) leads to %s", (action, state, hasAssignee, expected) => {
    expect(nextState(action, state, hasAssignee)).toBe(expected);
  });
});
