import { assembleLoaders, type RequestContext } from "@venta/kit";
import type { LocationLoaders, LocationModule, LocationServices } from "./module.js";

export interface LocationContext extends RequestContext {
  services: LocationServices;
  /** One clock reading per request, so every `isLive` in a response agrees. */
  now: Date;
  loaders: LocationLoaders;
}

/** Each request's context: the services, the request's clock reading and its own loaders. */
export function locationContext(modules: readonly LocationModule[], services: LocationServices) {
  return (base: RequestContext): LocationContext => ({
    ...base,
    services,
    now: services.now(),
    loaders: assembleLoaders(modules, services, base.viewer),
  });
}
