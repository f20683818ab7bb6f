import type { Projection } from "@venta/events";
import type { BaseConfig, Logger } from "@venta/kit";
import { openLocationStores, scheduleProjection, vendorProjection } from "@venta/location";
import { openMarketplaceStores, searchProjection, vendorPositionsProjection } from "@venta/marketplace";

/** A projection over the stores it lives in, opened for a replay; `close` closes those stores. */
export interface OpenedProjection {
  projection: Projection;
  close(): Promise<void>;
}

type ProjectionConfig = Pick<BaseConfig, "DATA_DIR" | "MONGODB_URI">;

/** Every projection a replay can rebuild, by its consumer name. */
export const PROJECTIONS: Record<
  string,
  (config: ProjectionConfig, log: Logger) => Promise<OpenedProjection>
> = {
  "location.vendor-projection": async (config, log) => {
    const stores = await openLocationStores(config);
    return { projection: vendorProjection(stores.positions, log), close: () => stores.close() };
  },
  "location.schedule-projection": async (config, log) => {
    const stores = await openLocationStores(config);
    return { projection: scheduleProjection(stores.positions, log), close: () => stores.close() };
  },
  "marketplace.search-index": async (config, log) => {
    const stores = await openMarketplaceStores(config);
    return { projection: searchProjection(stores.searchIndex, log), close: () => stores.close() };
  },
  "marketplace.loyalty-vendor-positions": async (config, log) => {
    const stores = await openMarketplaceStores(config);
    return {
      projection: vendorPositionsProjection(stores.vendorPositions, log),
      close: () => stores.close(),
    };
  },
};
