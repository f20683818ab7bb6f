import type { EventBus } from "@venta/events";
import type { Logger } from "@venta/kit";
import { ChatService } from "./chat/chat.service.js";
import { openChatFeed } from "./chat/open-chat-feed.js";
import type { CommunicationConfig } from "./config.js";
import type { CommunicationServices } from "./context.js";
import { notificationServices } from "./notifications/notification-services.js";
import type { CommunicationStores } from "./stores.js";
import { TicketsService } from "./support/tickets.service.js";
import { webhookServices } from "./webhooks/webhooks.js";

/** Every module's rules over the stores, wired once: the server and the tests' harness share this. */
export function communicationServices(
  stores: CommunicationStores,
  bus: EventBus,
  config: CommunicationConfig,
  log: Logger,
): CommunicationServices {
  const now = () => new Date();
  const chatFeed = openChatFeed(config, log);
  return {
    bus,
    now,
    webhooks: webhookServices(stores, config, now),
    conversations: stores.conversations,
    chatVendors: stores.chatVendors,
    chatFeed,
    chat: new ChatService(stores.conversations, stores.chatVendors, chatFeed, now),
    tickets: stores.tickets,
    support: new TicketsService(stores.tickets, now),
    ...notificationServices(stores, config, log, now),
  };
}
