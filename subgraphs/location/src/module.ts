import type { EventBus, StoreModuleTypes } from "@venta/events";
import type { Logger, SubgraphModule } from "@venta/kit";
import type { LiveFeed } from "@venta/live";

// Each module's folder adds its members to these three interfaces (`declare module "../module.js"`
// in its `*.module.ts`), so the root never names a module's stores, services or loaders.

/** Every location store, over one database. */
// biome-ignore lint/suspicious/noEmptyInterface: augmented by each module
export interface LocationStores {}

/** Process-wide: the stores and the rules on top of them. */
// biome-ignore lint/suspicious/noEmptyInterface: augmented by each module
export interface LocationServices {}

/** Per request: loaders that batch and cache reads for this request only. */
// biome-ignore lint/suspicious/noEmptyInterface: augmented by each module
export interface LocationLoaders {}

/** What the services take from configuration and the process. */
export interface LocationSettings {
  /** Where accepted moves are published for live maps. */
  feed: LiveFeed;
  /** A position older than this is no longer live. */
  liveWindowSeconds: number;
  now: () => Date;
}

/** What background work (bus consumers, the offline sweeper) receives. */
export interface LocationRuntime {
  bus: EventBus;
  log: Logger;
  config: { OFFLINE_SWEEP_MS: number };
}

/**
 * Location keeps one kind of personal data, alert zones: the geofences module erases them when
 * marketplace announces an account's deletion, and exports them through `myDataExport`. No module
 * needs a hook of its own yet.
 */
export type LocationPersonalData = never;

export interface LocationTypes extends StoreModuleTypes {
  stores: LocationStores;
  services: LocationServices;
  loaders: LocationLoaders;
  settings: LocationSettings;
  runtime: LocationRuntime;
  personalData: LocationPersonalData;
}

/** One location module: see `SubgraphModule`. */
export type LocationModule = SubgraphModule<LocationTypes>;
