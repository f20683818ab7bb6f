import { buildSubgraph } from "@venta/kit";
import type { GraphQLSchema } from "graphql";
import { ChatMessageFieldsResolver } from "./chat/chat-message.fields.resolver.js";
import { ChatMessagesResolver } from "./chat/chat-messages.resolver.js";
import { ChatSubscriptionsResolver } from "./chat/chat-subscriptions.resolver.js";
import { ConversationFieldsResolver } from "./chat/conversation.fields.resolver.js";
import { ConversationsResolver } from "./chat/conversations.resolver.js";
import { UserDataExportChatResolver } from "./chat/user-data-export.chat.resolver.js";
import { ContactsResolver } from "./contacts/contacts.resolver.js";
import { refuseErasedPeople } from "./contacts/live-account.js";
import { UserDataExportContactsResolver } from "./contacts/user-data-export.contacts.resolver.js";
import { UserDataExport } from "./contacts/user-data-export.type.js";
import { NotificationDeliveriesResolver } from "./notifications/notification.deliveries.resolver.js";
import { NotificationsResolver } from "./notifications/notifications.resolver.js";
import { UserDataExportNotificationsResolver } from "./notifications/user-data-export.notifications.resolver.js";
import { NotificationSettingsResolver } from "./preferences/notification-settings.resolver.js";
import { UserDataExportPreferencesResolver } from "./preferences/user-data-export.preferences.resolver.js";
import { SupportTicketFieldsResolver } from "./support/support-ticket.fields.resolver.js";
import { SupportTicketsResolver } from "./support/support-tickets.resolver.js";
import { UserDataExportSupportResolver } from "./support/user-data-export.support.resolver.js";
import { InboundWebhookEventsResolver } from "./webhooks/inbound/inbound-events.resolver.js";
import { WebhookSubscriptionsResolver } from "./webhooks/outbound/webhook-subscriptions.resolver.js";

/** The communication subgraph schema: every module's resolvers. */
export function buildCommunicationSchema(): Promise<GraphQLSchema> {
  return buildSubgraph({
    resolvers: [
      InboundWebhookEventsResolver,
      WebhookSubscriptionsResolver,
      ConversationsResolver,
      ConversationFieldsResolver,
      ChatMessagesResolver,
      ChatMessageFieldsResolver,
      ChatSubscriptionsResolver,
      SupportTicketsResolver,
      SupportTicketFieldsResolver,
      NotificationsResolver,
      NotificationDeliveriesResolver,
      NotificationSettingsResolver,
      ContactsResolver,
      UserDataExportContactsResolver,
      UserDataExportPreferencesResolver,
      UserDataExportChatResolver,
      UserDataExportSupportResolver,
      UserDataExportNotificationsResolver,
    ],
    // Reached only through marketplace's `myDataExport`, never from a root field here.
    orphanedTypes: [UserDataExport],
    middlewares: [refuseErasedPeople],
  });
}
