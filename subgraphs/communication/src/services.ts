import type { EventBus } from "@venta/events";
import {
  assembleLoaders,
  assembleServices,
  type Logger,
  personalDataOf,
  type RequestContext,
} from "@venta/kit";
import type { CommunicationConfig } from "./config.js";
import type { CommunicationContext } from "./context.js";
import type { CommunicationServices, CommunicationStores } from "./module.js";
import { communicationModules } from "./modules.js";

/** Every module's rules over the stores, wired once: the server and the tests' harness share this. */
export function communicationServices(
  stores: CommunicationStores,
  bus: EventBus,
  config: CommunicationConfig,
  log: Logger,
): CommunicationServices {
  const now = () => new Date();
  const services: CommunicationServices = assembleServices(communicationModules, stores, {
    bus,
    config,
    log,
    now,
    erasers: () => personalDataOf(communicationModules, stores, services).map((hook) => hook.eraser),
  });
  return services;
}

/** Each request's context: the services, and every module's loaders built for this request. */
export function communicationContext(services: CommunicationServices) {
  return (base: RequestContext): CommunicationContext => ({
    ...base,
    services,
    ...assembleLoaders(communicationModules, services, base.viewer),
  });
}
