import { keyedLoader, type RequestContext } from "@venta/kit";
import type { LiveFeed, LiveHub } from "@venta/live";
import type DataLoader from "dataloader";
import type { GeofencesStore } from "./geofences/geofences.store.js";
import type { PositionReport } from "./positions/position.record.js";
import type { PositionsStore } from "./positions/positions.store.js";

/** Process-wide state of the location subgraph. */
export interface LocationServices {
  positions: PositionsStore;
  /** Geofences, and the write path of position reports: positions, memberships and events together. */
  geofences: GeofencesStore;
  /** Where accepted moves are published for live maps. */
  feed: LiveFeed;
  /** Serves this subgraph's own `vendorLocationUpdated` subscriptions. */
  hub: LiveHub;
  /** A position older than this is no longer live. */
  liveWindowSeconds: number;
  now: () => Date;
}

export interface LocationContext extends RequestContext {
  services: LocationServices;
  /** One clock reading per request, so every `isLive` in a response agrees. */
  now: Date;
  loaders: { position: DataLoader<string, PositionReport | null> };
}

export function locationContext(services: LocationServices) {
  return (base: RequestContext): LocationContext => ({
    ...base,
    services,
    now: services.now(),
    loaders: {
      position: keyedLoader(
        (ids: readonly string[]) => services.positions.currentPositions(ids),
        (p) => p.vendorId,
      ),
    },
  });
}
