import { keyedLoader, type RequestContext } from "@venta/kit";
import type DataLoader from "dataloader";
import type { PartnerKeysService } from "./partners/partner-keys.service.js";
import type { PartnerKeysStore } from "./partners/partner-keys.store.js";
import type { UserRecord } from "./users/user.record.js";
import type { UsersService } from "./users/users.service.js";
import type { UsersStore } from "./users/users.store.js";
import type { VendorRecord } from "./vendors/vendor.record.js";
import type { VendorsService } from "./vendors/vendors.service.js";
import type { VendorsStore } from "./vendors/vendors.store.js";

/** Process-wide: the stores and the rules on top of them. */
export interface MarketplaceServices {
  vendorsStore: VendorsStore;
  usersStore: UsersStore;
  partnerKeysStore: PartnerKeysStore;
  vendors: VendorsService;
  users: UsersService;
  partnerKeys: PartnerKeysService;
}

/** Per request: the services plus loaders that batch and cache reads for this request only. */
export interface MarketplaceContext extends RequestContext {
  services: MarketplaceServices;
  loaders: {
    vendor: DataLoader<string, VendorRecord | null>;
    user: DataLoader<string, UserRecord | null>;
  };
}

export function marketplaceContext(services: MarketplaceServices) {
  return (base: RequestContext): MarketplaceContext => ({
    ...base,
    services,
    loaders: {
      vendor: keyedLoader(
        (ids: readonly string[]) => services.vendorsStore.findByIds(ids),
        (v) => v.id,
      ),
      user: keyedLoader(
        (ids: readonly string[]) => services.usersStore.findByIds(ids),
        (u) => u.id,
      ),
    },
  });
}
