import type { EventBus } from "@venta/events";
import type { RequestContext } from "@venta/kit";
import { type ChatLoaders, chatLoaders } from "./chat/chat.loader.js";
import type { ChatService } from "./chat/chat.service.js";
import type { ChatFeed } from "./chat/chat-feed.js";
import type { ChatNotifier } from "./chat/chat-notifications.js";
import type { ChatVendorsStore } from "./chat/chat-vendors.store.js";
import type { ConversationsStore } from "./chat/conversations.store.js";
import { type NotificationLoaders, notificationLoaders } from "./notifications/notification.loader.js";
import type { NotificationServices } from "./notifications/notification-services.js";
import { type SupportLoaders, supportLoaders } from "./support/support.loader.js";
import type { SupportNotifier } from "./support/support-notifications.js";
import type { TicketsService } from "./support/tickets.service.js";
import type { TicketsStore } from "./support/tickets.store.js";
import type { WebhookServices } from "./webhooks/webhooks.js";

/** Process-wide: the stores and the rules on top of them. */
export interface CommunicationServices extends NotificationServices {
  bus: EventBus;
  now: () => Date;
  webhooks: WebhookServices;
  conversations: ConversationsStore;
  chatVendors: ChatVendorsStore;
  /** Live chat events (messages, typing) to this process's subscribers, and to other processes'. */
  chatFeed: ChatFeed;
  chat: ChatService;
  tickets: TicketsStore;
  support: TicketsService;
  /** Tells the other participant about new chat messages (bus consumer: see main.ts). */
  chatNotifications: ChatNotifier;
  /** Tells people when support answers or closes their tickets (bus consumer: see main.ts). */
  supportNotifications: SupportNotifier;
}

export interface CommunicationContext extends RequestContext {
  services: CommunicationServices;
  chatLoaders: ChatLoaders;
  supportLoaders: SupportLoaders;
  notificationLoaders: NotificationLoaders;
}

export function communicationContext(services: CommunicationServices) {
  return (base: RequestContext): CommunicationContext => ({
    ...base,
    services,
    chatLoaders: chatLoaders(services.conversations, services.chatVendors),
    supportLoaders: supportLoaders(services.tickets),
    notificationLoaders: notificationLoaders(services.notifications),
  });
}
