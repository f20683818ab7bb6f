import type { DeletedAccounts } from "@venta/auth";
import type { EventBus, StoreModuleTypes } from "@venta/events";
import type { Logger, SubgraphModule } from "@venta/kit";
import type { CheckInRules } from "./loyalty/check-in-rules.js";
import type { DocumentLinks } from "./media/document-links.js";
import type { FileStorage } from "./media/file-storage.js";
import type {
  PersonalDataEraser,
  PersonalDataExporter,
  PersonalDataRegistry,
} from "./users/personal-data.js";

// Each module's folder adds its members to these three interfaces (`declare module "../module.js"`
// in its `*.module.ts`), so the root never names a module's stores, services or loaders.

/** Every marketplace store, over one database. */
// biome-ignore lint/suspicious/noEmptyInterface: augmented by each module
export interface MarketplaceStores {}

/** Process-wide: the stores and the rules on top of them. */
// biome-ignore lint/suspicious/noEmptyInterface: augmented by each module
export interface MarketplaceServices {}

/** Per request: loaders that batch and cache reads for this request only. */
// biome-ignore lint/suspicious/noEmptyInterface: augmented by each module
export interface MarketplaceLoaders {}

/** What the services take from configuration and the process. */
export interface MarketplaceSettings {
  files: FileStorage;
  log: Logger;
  /** Mints the expiring links business documents are read through. */
  documentLinks: DocumentLinks;
  checkInRules: CheckInRules;
  /** Where routers learn of a deletion on the person's next request; none without Redis (they ask us). */
  deletedAccounts?: DeletedAccounts;
  /** Every module's erasers and exporters (see `personalDataRegistry`), asked when an account goes. */
  personalData: () => PersonalDataRegistry;
}

/** What background work (bus consumers, refreshers) receives. */
export interface MarketplaceRuntime {
  bus: EventBus;
  log: Logger;
  stores: MarketplaceStores;
  config: { SCHEDULE_REFRESH_MS: number };
}

/** A module holding personal data erases and/or exports it (see users/personal-data.ts). */
export interface MarketplacePersonalData {
  eraser?: PersonalDataEraser;
  exporter?: PersonalDataExporter;
}

export interface MarketplaceTypes extends StoreModuleTypes {
  stores: MarketplaceStores;
  services: MarketplaceServices;
  loaders: MarketplaceLoaders;
  settings: MarketplaceSettings;
  runtime: MarketplaceRuntime;
  personalData: MarketplacePersonalData;
}

/** One marketplace module: see `SubgraphModule`. */
export type MarketplaceModule = SubgraphModule<MarketplaceTypes>;
