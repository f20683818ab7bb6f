import { assembleServices, personalDataOf } from "@venta/kit";
import type { MarketplaceServices, MarketplaceSettings, MarketplaceStores } from "./module.js";
import { marketplaceModules } from "./modules.js";
import type { PersonalDataRegistry } from "./users/personal-data.js";

/** Every module's rules over the stores, wired once: the server and the tests' harness share this. */
export function marketplaceServices(
  stores: MarketplaceStores,
  settings: Omit<MarketplaceSettings, "personalData">,
): MarketplaceServices {
  const services: MarketplaceServices = assembleServices(marketplaceModules, stores, {
    ...settings,
    // Asked only when an account is deleted or exported, once `services` is assembled.
    personalData: () => personalDataRegistry(stores, services),
  });
  return services;
}

/**
 * Every module's personal-data hooks, for `deleteMyAccount` and `myDataExport`. Exporters keep
 * the order of `marketplaceModules`; erasers run in the reverse order, so the users module's,
 * listed before every other module holding personal data, runs last.
 */
export function personalDataRegistry(
  stores: MarketplaceStores,
  services: MarketplaceServices,
): PersonalDataRegistry {
  const hooks = personalDataOf(marketplaceModules, stores, services);
  return {
    erasers: hooks.flatMap((hook) => (hook.eraser ? [hook.eraser] : [])).reverse(),
    exporters: hooks.flatMap((hook) => (hook.exporter ? [hook.exporter] : [])),
  };
}
