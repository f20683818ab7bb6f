// Every module: exporting them also brings each module's members of the communication interfaces
// (declared in its *.module.ts) to the packages using these types.
export { alertsModule } from "./alerts/alerts.module.js";
export { channelsModule } from "./channels/channels.module.js";
export { chatModule } from "./chat/chat.module.js";
export { type CommunicationConfig, loadCommunicationConfig } from "./config.js";
export { contactsModule } from "./contacts/contacts.module.js";
export type { CommunicationContext } from "./context.js";
export type { CommunicationModule, CommunicationServices, CommunicationStores } from "./module.js";
export { communicationModules } from "./modules.js";
export { notificationsModule } from "./notifications/notifications.module.js";
export { preferencesModule } from "./preferences/preferences.module.js";
export { buildCommunicationSchema } from "./schema.js";
export { communicationContext, communicationServices } from "./services.js";
export { assembleMongoStores, type OpenCommunicationStores, openCommunicationStores } from "./stores.js";
export { supportModule } from "./support/support.module.js";
export { webhooksModule } from "./webhooks/webhooks.module.js";
