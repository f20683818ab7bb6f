export { type LocationConfig, loadLocationConfig } from "./config.js";
export type { GeofenceRecord, GeofenceShape } from "./geofences/geofence.record.js";
// Every module: exporting them also brings each module's members of the location interfaces
// (declared in its *.module.ts) to the packages using these types.
export { geofencesModule } from "./geofences/geofences.module.js";
export { MAX_GEOFENCES } from "./geofences/geofences.service.js";
export { trackingClock } from "./geofences/tracking-clock.js";
export { liveModule } from "./live/live.module.js";
export type { LocationModule } from "./module.js";
export { locationModules } from "./modules.js";
export type { PositionReport } from "./positions/position.record.js";
export { positionsModule } from "./positions/positions.module.js";
export { SqlitePositionsStore } from "./positions/positions.store.sqlite.js";
export { projectionModule } from "./projection/projection.module.js";
export { scheduleProjection } from "./projection/schedule-projection.js";
export { vendorProjection } from "./projection/vendor-projection.js";
export { buildLocationSchema } from "./schema.js";
export {
  assembleMongoStores,
  migrateLocationDatabase,
  type OpenLocationStores as LocationStores,
  openLocationStores,
} from "./stores.js";
