import { assembleLoaders, type RequestContext } from "@venta/kit";
import type { MarketplaceLoaders, MarketplaceModule, MarketplaceServices } from "./module.js";

/** Per request: the services plus loaders that batch and cache reads for this request only. */
export interface MarketplaceContext extends RequestContext {
  services: MarketplaceServices;
  loaders: MarketplaceLoaders;
}

/** The request context over `modules`' loaders (the server passes `marketplaceModules`). */
export function marketplaceContext(modules: readonly MarketplaceModule[], services: MarketplaceServices) {
  return (base: RequestContext): MarketplaceContext => ({
    ...base,
    services,
    loaders: assembleLoaders(modules, services, base.viewer),
  });
}
