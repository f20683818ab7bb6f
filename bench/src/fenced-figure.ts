import type { FenceMix } from "./bench-fences.js";
import type { ConsumerTally } from "./event-ledger.js";
import type { LiveFeedChoice } from "./live-feed.js";
import type { UpdateLoad } from "./update-throughput.js";
import type { Movement } from "./vendor-fixes.js";

/** `updateVendorLocations ×100` through the router over a city with fences, the whole stack running. */
export interface FencedFigure extends UpdateLoad {
  movement: Movement;
  fences: number;
  reportingVendors: number;
  batchSize: number;
  /** Fence crossings the moves caused, as published (`location.geofence_triggered`, VENDOR_MOVED). */
  crossings: number;
  crossingsPerSecond: number;
  /** `location.vendor_location_updated` events of the reporting vendors published for the window. */
  published: number;
  /** Other entries on the location stream meanwhile (vendors going offline, other publishers). */
  otherEvents: number;
  /** How far each consumer group of the location stream got through the published position events. */
  consumers: ConsumerTally[];
  /** The wait after the load until every outbox was empty and every consumer had caught up. */
  drain: { drained: boolean; seconds: number; left: string };
  /** Accepted updates that did not reach every consumer. */
  lost: number;
  /** Dead letters set aside during the window, all consumers together. */
  deadLetters: number;
  /**
   * CPU over the window, % of one core: each service, the bench itself (the client), and the whole
   * machine (up to 100 × cores; the rest of it is Redis and whatever else runs there). Absent where
   * `/proc` cannot be read.
   */
  cpuPercent: Record<string, number> | undefined;
  notes: string[];
}

export interface FencedResults {
  vendors: number;
  feed: { kind: LiveFeedChoice["kind"]; url?: string; reason?: string };
  fences: number;
  fenceMix: FenceMix;
  /** Seconds spent placing the fences in the scratch copy, before the services started. */
  fenceSetupSeconds: number;
  /** Vendors inside fences right after they were placed (none unless positions were still live). */
  initialCrossings: number;
  favorites: { people: number; favorites: number; errors: number };
  figures: FencedFigure[];
  /** Why no figure was measured, when none was. */
  skipped?: string;
}
