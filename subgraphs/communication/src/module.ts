import type { InternalIdentity } from "@venta/auth";
import type { EventBus, StoreModuleTypes } from "@venta/events";
import type { Logger, SubgraphModule } from "@venta/kit";
import type { CommunicationConfig } from "./config.js";
import type { PersonalDataEraser } from "./contacts/personal-data.js";

// Each module's folder adds its members to these three interfaces (`declare module "../module.js"`
// in its `*.module.ts`), so the root never names a module's stores, services or loaders.

/** Every communication store, over one database. */
// biome-ignore lint/suspicious/noEmptyInterface: augmented by each module
export interface CommunicationStores {}

/** Process-wide: the stores and the rules on top of them. */
// biome-ignore lint/suspicious/noEmptyInterface: augmented by each module
export interface CommunicationServices {}

/**
 * Per request: loaders that batch and cache reads for this request only. Each module's loaders
 * are one member here (`chatLoaders`, `supportLoaders`…), spread into the request context.
 */
// biome-ignore lint/suspicious/noEmptyInterface: augmented by each module
export interface CommunicationLoaders {}

/** What the services take from configuration and the process. */
export interface CommunicationSettings {
  bus: EventBus;
  config: CommunicationConfig;
  log: Logger;
  now: () => Date;
  /**
   * Every module's personal-data eraser, in the order the modules are listed. Erasers are module
   * hooks built over the services, so this is asked when erasing, never while building.
   */
  erasers: () => readonly PersonalDataEraser[];
}

/** What background work (bus consumers, workers) receives. */
export interface CommunicationRuntime {
  bus: EventBus;
  log: Logger;
  config: CommunicationConfig;
  /** How this subgraph proves itself when it calls another (marketplace's partner keys). */
  identity: InternalIdentity;
}

/** A module keeping personal data erases it when the person's account is deleted. */
export interface CommunicationPersonalData {
  eraser: PersonalDataEraser;
}

export interface CommunicationTypes extends StoreModuleTypes {
  stores: CommunicationStores;
  services: CommunicationServices;
  loaders: CommunicationLoaders;
  settings: CommunicationSettings;
  runtime: CommunicationRuntime;
  personalData: CommunicationPersonalData;
}

/** One communication module: see `SubgraphModule`. */
export type CommunicationModule = SubgraphModule<CommunicationTypes>;
