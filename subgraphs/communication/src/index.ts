export { type CommunicationConfig, loadCommunicationConfig } from "./config.js";
export type { CommunicationContext } from "./context.js";
export type { CommunicationServices, CommunicationStores } from "./module.js";
export { communicationModules } from "./modules.js";
export { buildCommunicationSchema } from "./schema.js";
export { communicationContext, communicationServices } from "./services.js";
export { assembleMongoStores, type OpenCommunicationStores, openCommunicationStores } from "./stores.js";
