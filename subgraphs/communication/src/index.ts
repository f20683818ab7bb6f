export { type CommunicationConfig, loadCommunicationConfig } from "./config.js";
export { type CommunicationContext, type CommunicationServices, communicationContext } from "./context.js";
export { buildCommunicationSchema } from "./schema.js";
export { communicationServices } from "./services.js";
export { assembleMongoStores, type CommunicationStores, openCommunicationStores } from "./stores.js";
