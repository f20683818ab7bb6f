import { alertsModule } from "./alerts/alerts.module.js";
import { channelsModule } from "./channels/channels.module.js";
import { chatModule } from "./chat/chat.module.js";
import { contactsModule } from "./contacts/contacts.module.js";
import type { CommunicationModule } from "./module.js";
import { notificationsModule } from "./notifications/notifications.module.js";
import { preferencesModule } from "./preferences/preferences.module.js";
import { supportModule } from "./support/support.module.js";
import { webhooksModule } from "./webhooks/webhooks.module.js";

/**
 * Communication's modules, in order: a module's services may use those of the modules above it,
 * and a deleted account's data is erased in this order (contacts first: see contacts.module.ts).
 */
export const communicationModules: readonly CommunicationModule[] = [
  contactsModule,
  preferencesModule,
  channelsModule,
  notificationsModule,
  alertsModule,
  chatModule,
  supportModule,
  webhooksModule,
];
