import type { RequestContext } from "@venta/kit";
import type { CommunicationLoaders, CommunicationServices } from "./module.js";

export type { CommunicationServices } from "./module.js";

/**
 * What resolvers receive: the process-wide services, and each module's loaders for this request
 * under its own key (`chatLoaders`, `supportLoaders`, `notificationLoaders`).
 */
export type CommunicationContext = RequestContext & {
  services: CommunicationServices;
} & CommunicationLoaders;
