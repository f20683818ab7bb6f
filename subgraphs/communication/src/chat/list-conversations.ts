import { badUserInput, pageInfo, pageSize } from "@venta/kit";
import { decodeCursor, encodeCursor } from "@venta/store";
import type { ConversationConnection } from "./conversation.connection.js";
import type { ConversationListKey, ConversationRecord, ParticipantFilter } from "./conversation.record.js";
import type { ConversationsStore } from "./conversations.store.js";

const CURSOR_KIND = "conversations";

const cursorOf = (conversation: ConversationRecord) =>
  encodeCursor(CURSOR_KIND, [conversation.lastActivityAt.getTime(), conversation.id]);

function afterKey(after: string | null | undefined): ConversationListKey | undefined {
  if (after === null || after === undefined) return undefined;
  const [lastActivityAt, id] = decodeCursor(CURSOR_KIND, after) ?? [];
  if (typeof lastActivityAt !== "number" || typeof id !== "string")
    throw badUserInput("`after` is not a valid cursor", "after");
  return { lastActivityAt: new Date(lastActivityAt), id };
}

/**
 * One page of conversations, most recent activity first. A conversation that gets a message while
 * a client pages moves to the top: it is not seen again further down.
 */
export async function listConversations(
  store: ConversationsStore,
  filter: ParticipantFilter,
  first: number,
  after: string | null | undefined,
): Promise<ConversationConnection> {
  const size = pageSize(first);
  const key = afterKey(after);
  const [page, totalCount] = await Promise.all([store.list(filter, size, key), store.count(filter)]);
  const edges = page.records.map((conversation) => ({ cursor: cursorOf(conversation), node: conversation }));
  return { edges, pageInfo: pageInfo(edges, page.hasNextPage, key !== undefined), totalCount };
}
