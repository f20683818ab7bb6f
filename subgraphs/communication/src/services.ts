import type { EventBus } from "@venta/events";
import type { Logger } from "@venta/kit";
import { ChatPersonalData } from "./chat/chat.personal-data.js";
import { ChatService } from "./chat/chat.service.js";
import { ChatNotifier } from "./chat/chat-notifications.js";
import { openChatFeed } from "./chat/open-chat-feed.js";
import type { CommunicationConfig } from "./config.js";
import type { CommunicationServices } from "./context.js";
import { notificationServices } from "./notifications/notification-services.js";
import type { CommunicationStores } from "./stores.js";
import { SupportPersonalData } from "./support/support.personal-data.js";
import { SupportNotifier } from "./support/support-notifications.js";
import { TicketsService } from "./support/tickets.service.js";
import { InboundWebhooksPersonalData } from "./webhooks/inbound/inbound-webhooks.personal-data.js";
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
  const notifying = notificationServices(stores, config, log, now, [
    new ChatPersonalData(stores.conversations, stores.notifications),
    new SupportPersonalData(stores.tickets),
    new InboundWebhooksPersonalData(stores.inboundWebhooks, now),
  ]);
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
    ...notifying,
    chatNotifications: new ChatNotifier(
      stores.conversations,
      stores.chatVendors,
      notifying.notifications,
      config.CHAT_NOTIFY_WINDOW_SECONDS,
      now,
    ),
    supportNotifications: new SupportNotifier(stores.tickets, notifying.notifications),
  };
}
