export { type LocationConfig, loadLocationConfig } from "./config.js";
export type { PositionReport } from "./positions/position.record.js";
export { SqlitePositionsStore } from "./positions/positions.store.sqlite.js";
export { buildLocationSchema } from "./schema.js";
export { type LocationStores, openLocationStores } from "./stores.js";
