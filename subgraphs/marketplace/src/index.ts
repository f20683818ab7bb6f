export { loadMarketplaceConfig, type MarketplaceConfig } from "./config.js";
export { PartnerKeysService } from "./partners/partner-keys.service.js";
export { buildMarketplaceSchema } from "./schema.js";
export { type MarketplaceStores, openMarketplaceStores } from "./stores.js";
export { UsersService } from "./users/users.service.js";
export { SqliteUsersStore } from "./users/users.store.sqlite.js";
export { VendorsService } from "./vendors/vendors.service.js";
export { SqliteVendorsStore } from "./vendors/vendors.store.sqlite.js";
