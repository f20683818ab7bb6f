import { requireService } from "@venta/kit";
import type { CommunicationModule } from "../module.js";
import { type ChatLoaders, chatLoaders } from "./chat.loader.js";
import { ChatPersonalData } from "./chat.personal-data.js";
import { ChatService } from "./chat.service.js";
import type { ChatFeed } from "./chat-feed.js";
import { ChatMessageFieldsResolver } from "./chat-message.fields.resolver.js";
import { ChatMessagesResolver } from "./chat-messages.resolver.js";
import { ChatNotifier, followChatMessages } from "./chat-notifications.js";
import { ChatSubscriptionsResolver } from "./chat-subscriptions.resolver.js";
import { followChatVendors } from "./chat-vendors.projection.js";
import type { ChatVendorsStore } from "./chat-vendors.store.js";
import { MongoChatVendorsStore } from "./chat-vendors.store.mongo.js";
import { SqliteChatVendorsStore } from "./chat-vendors.store.sqlite.js";
import { ConversationFieldsResolver } from "./conversation.fields.resolver.js";
import { ConversationsResolver } from "./conversations.resolver.js";
import type { ConversationsStore } from "./conversations.store.js";
import { MongoConversationsStore } from "./conversations.store.mongo.js";
import { SqliteConversationsStore } from "./conversations.store.sqlite.js";
import { chatBaseline } from "./migrations/001-baseline.sqlite.js";
import { openChatFeed } from "./open-chat-feed.js";
import { UserDataExportChatResolver } from "./user-data-export.chat.resolver.js";

declare module "../module.js" {
  interface CommunicationStores {
    conversations: ConversationsStore;
    chatVendors: ChatVendorsStore;
  }
  interface CommunicationServices {
    conversations: ConversationsStore;
    chatVendors: ChatVendorsStore;
    /** Live chat events (messages, typing) to this process's subscribers, and to other processes'. */
    chatFeed: ChatFeed;
    chat: ChatService;
    /** Tells the other participant about new chat messages (a bus consumer: see `start`). */
    chatNotifications: ChatNotifier;
  }
  interface CommunicationLoaders {
    chatLoaders: ChatLoaders;
  }
}

/** Conversations between customers and vendors, their messages and live events. */
export const chatModule: CommunicationModule = {
  name: "chat",
  migrations: { sqlite: [chatBaseline] },
  stores: {
    sqlite: ({ db, outbox }) => ({
      conversations: new SqliteConversationsStore(db, outbox),
      chatVendors: new SqliteChatVendorsStore(db),
    }),
    mongo: ({ connection, outbox }) => ({
      conversations: new MongoConversationsStore(connection, outbox),
      chatVendors: new MongoChatVendorsStore(connection),
    }),
  },
  services: (stores, { config, log, now }, earlier) => {
    const chatFeed = openChatFeed(config, log);
    return {
      conversations: stores.conversations,
      chatVendors: stores.chatVendors,
      chatFeed,
      chat: new ChatService(stores.conversations, stores.chatVendors, chatFeed, now),
      chatNotifications: new ChatNotifier(
        stores.conversations,
        stores.chatVendors,
        requireService(earlier, "notifications", "chat"),
        config.CHAT_NOTIFY_WINDOW_SECONDS,
        now,
      ),
    };
  },
  loaders: (services) => ({ chatLoaders: chatLoaders(services.conversations, services.chatVendors) }),
  resolvers: [
    ConversationsResolver,
    ConversationFieldsResolver,
    ChatMessagesResolver,
    ChatMessageFieldsResolver,
    ChatSubscriptionsResolver,
    UserDataExportChatResolver,
  ],
  start: (services, { bus, log }) => {
    const vendors = followChatVendors(bus, services.chatVendors, log);
    const notices = followChatMessages(bus, services.chatNotifications, log);
    return [() => services.chatFeed.close(), () => vendors.stop(), () => notices.stop()];
  },
  personalData: (stores) => ({ eraser: new ChatPersonalData(stores.conversations, stores.notifications) }),
};
