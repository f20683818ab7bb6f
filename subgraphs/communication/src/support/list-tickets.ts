import { badUserInput, pageInfo, pageSize } from "@venta/kit";
import { decodeCursor, encodeCursor } from "@venta/store";
import type { SupportLoaders } from "./support.loader.js";
import type { SupportTicketConnection, SupportTicketReplyConnection } from "./support-ticket.connection.js";
import type { TicketFilter, TicketListKey } from "./ticket.record.js";
import type { TicketsStore } from "./tickets.store.js";

function keyOf(kind: string, after: string | null | undefined): TicketListKey | undefined {
  if (after === null || after === undefined) return undefined;
  const [createdAt, id] = decodeCursor(kind, after) ?? [];
  if (typeof createdAt !== "number" || typeof id !== "string")
    throw badUserInput("`after` is not a valid cursor", "after");
  return { createdAt: new Date(createdAt), id };
}

const cursorOf = (kind: string, item: { createdAt: Date; id: string }) =>
  encodeCursor(kind, [item.createdAt.getTime(), item.id]);

/** One page of tickets by when they were opened. */
export async function listTickets(
  store: TicketsStore,
  filter: TicketFilter,
  order: "OLDEST_FIRST" | "NEWEST_FIRST",
  first: number,
  after: string | null | undefined,
): Promise<SupportTicketConnection> {
  // The order is part of the cursor's kind, so a queue cursor cannot page a person's list the wrong way.
  const kind = `tickets-${order}`;
  const size = pageSize(first);
  const key = keyOf(kind, after);
  const [page, totalCount] = await Promise.all([store.list(filter, order, size, key), store.count(filter)]);
  const edges = page.records.map((ticket) => ({ cursor: cursorOf(kind, ticket), node: ticket }));
  return { edges, pageInfo: pageInfo(edges, page.hasNextPage, key !== undefined), totalCount };
}

const REPLIES = "ticket-replies";

/** One page of a ticket's replies, oldest first; the first page through the loader. */
export async function listReplies(
  store: TicketsStore,
  loaders: SupportLoaders,
  ticketId: string,
  first: number,
  after: string | null | undefined,
): Promise<SupportTicketReplyConnection> {
  const size = pageSize(first);
  const key = keyOf(REPLIES, after);
  const page = key
    ? await store.replies(ticketId, size, key)
    : await loaders.firstReplies.load({ ticketId, first: size });
  const edges = page.records.map((reply) => ({ cursor: cursorOf(REPLIES, reply), node: reply }));
  return { edges, pageInfo: pageInfo(edges, page.hasNextPage, key !== undefined) };
}
