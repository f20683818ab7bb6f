export { type LocationConfig, loadLocationConfig } from "./config.js";
export type { GeofenceRecord, GeofenceShape } from "./geofences/geofence.record.js";
export { MAX_GEOFENCES } from "./geofences/geofences.service.js";
export { trackingClock } from "./geofences/tracking-clock.js";
export { locationModules } from "./modules.js";
export type { PositionReport } from "./positions/position.record.js";
export { SqlitePositionsStore } from "./positions/positions.store.sqlite.js";
export { scheduleProjection } from "./projection/schedule-projection.js";
export { vendorProjection } from "./projection/vendor-projection.js";
export { buildLocationSchema } from "./schema.js";
export {
  assembleMongoStores,
  migrateLocationDatabase,
  type OpenLocationStores as LocationStores,
  openLocationStores,
} from "./stores.js";
