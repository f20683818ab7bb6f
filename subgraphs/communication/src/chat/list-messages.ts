import { badUserInput, pageInfo, pageSize } from "@venta/kit";
import { decodeCursor, encodeCursor } from "@venta/store";
import type { ChatLoaders } from "./chat.loader.js";
import type { ChatMessageConnection } from "./chat-message.connection.js";
import type { MessageRecord } from "./conversation.record.js";
import type { ConversationsStore } from "./conversations.store.js";

const CURSOR_KIND = "chat-messages";

const cursorOf = (message: MessageRecord) => encodeCursor(CURSOR_KIND, [message.conversationId, message.seq]);

function beforeSeq(conversationId: string, before: string | null | undefined): number | undefined {
  if (before === null || before === undefined) return undefined;
  const [cursorConversation, seq] = decodeCursor(CURSOR_KIND, before) ?? [];
  if (cursorConversation !== conversationId || typeof seq !== "number")
    throw badUserInput("`before` is not a cursor of this conversation's messages", "before");
  return seq;
}

/**
 * One page of a conversation's messages, paged backwards from the newest. The newest page comes
 * through the loader, so a list of conversations reads all of theirs in one query.
 */
export async function listMessages(
  store: ConversationsStore,
  loaders: ChatLoaders,
  conversationId: string,
  last: number,
  before: string | null | undefined,
): Promise<ChatMessageConnection> {
  const size = pageSize(last, "last");
  const seq = beforeSeq(conversationId, before);
  const page =
    seq === undefined
      ? await loaders.latestMessages.load({ conversationId, last: size })
      : await store.messages(conversationId, size, seq);
  const edges = page.records.map((message) => ({ cursor: cursorOf(message), node: message }));
  return { edges, pageInfo: pageInfo(edges, seq !== undefined, page.hasPreviousPage) };
}
