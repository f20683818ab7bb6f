import { type LiveFeed, LiveHub } from "@venta/live";
import type { LocationModule } from "../module.js";
import { startOfflineSweeper } from "./offline-sweeper.js";
import { VendorLocationUpdatedResolver } from "./vendor-location-updated.resolver.js";

declare module "../module.js" {
  interface LocationServices {
    /** Where accepted moves are published for live maps. */
    feed: LiveFeed;
    /** Serves this subgraph's own `vendorLocationUpdated` subscriptions. */
    hub: LiveHub;
  }
}

/** Live maps: moves and vendors going offline, published to subscribers. */
export const liveModule: LocationModule = {
  name: "live",
  services: (_stores, settings) => ({ feed: settings.feed, hub: new LiveHub(settings.feed) }),
  resolvers: [VendorLocationUpdatedResolver],
  start: (services, { log, config }) => {
    const sweeper = startOfflineSweeper({
      positions: services.positions,
      geofences: services.geofences,
      feed: services.feed,
      liveWindowSeconds: services.liveWindowSeconds,
      intervalMs: config.OFFLINE_SWEEP_MS,
      log,
    });
    return [() => sweeper.stop()];
  },
};
