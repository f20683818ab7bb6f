import { geofencesModule } from "./geofences/geofences.module.js";
import { liveModule } from "./live/live.module.js";
import type { LocationModule } from "./module.js";
import { positionsModule } from "./positions/positions.module.js";
import { projectionModule } from "./projection/projection.module.js";

/** Every location module, in order: a module's services may use those of the modules above it. */
export const locationModules: readonly LocationModule[] = [
  positionsModule,
  geofencesModule,
  liveModule,
  projectionModule,
];
