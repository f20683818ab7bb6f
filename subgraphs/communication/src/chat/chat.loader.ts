import { keyedLoader } from "@venta/kit";
import DataLoader from "dataloader";
import type { ChatVendorRecord } from "./chat-vendor.record.js";
import type { ChatVendorsStore } from "./chat-vendors.store.js";
import type { MessageRecord } from "./conversation.record.js";
import type { ConversationsStore, MessagePage, UnreadRequest } from "./conversations.store.js";

export interface LatestMessagesKey {
  conversationId: string;
  last: number;
}

export interface ChatLoaders {
  vendor: DataLoader<string, ChatVendorRecord | null>;
  message: DataLoader<string, MessageRecord | null>;
  unreadCount: DataLoader<UnreadRequest, number, string>;
  /** The newest page of each conversation's messages: a list of conversations reads them in one query. */
  latestMessages: DataLoader<LatestMessagesKey, MessagePage, string>;
}

/** Chat's loaders for one request: every conversation of a response costs one store query per field. */
export function chatLoaders(conversations: ConversationsStore, vendors: ChatVendorsStore): ChatLoaders {
  return {
    vendor: keyedLoader(
      (ids: readonly string[]) => vendors.findMany(ids),
      (vendor) => vendor.vendorId,
    ),
    message: keyedLoader(
      (ids: readonly string[]) => conversations.findMessages(ids),
      (message) => message.id,
    ),
    unreadCount: new DataLoader<UnreadRequest, number, string>(
      async (requests) => conversations.unreadCounts(requests),
      { cacheKeyFn: (r) => `${r.conversationId} ${r.side}`, maxBatchSize: 500 },
    ),
    latestMessages: new DataLoader<LatestMessagesKey, MessagePage, string>(
      async (keys) => {
        const bySize = new Map<number, string[]>();
        for (const key of keys) bySize.set(key.last, [...(bySize.get(key.last) ?? []), key.conversationId]);
        const pages = new Map<string, MessagePage>();
        await Promise.all(
          [...bySize].map(async ([last, ids]) => {
            for (const [id, page] of await conversations.latestMessages(ids, last))
              pages.set(`${last} ${id}`, page);
          }),
        );
        return keys.map(
          (key) => pages.get(`${key.last} ${key.conversationId}`) ?? { records: [], hasPreviousPage: false },
        );
      },
      { cacheKeyFn: (key) => `${key.last} ${key.conversationId}`, maxBatchSize: 500 },
    ),
  };
}
