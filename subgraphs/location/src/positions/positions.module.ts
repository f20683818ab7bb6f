import { keyedLoader } from "@venta/kit";
import type DataLoader from "dataloader";
import { mongoGeofencesOn, sqliteGeofencesOn } from "../geofences/geofences-on.js";
import type { LocationModule } from "../module.js";
import { coalescedPositionReports } from "./coalesced-position-reports.js";
import { positionsBaseline } from "./migrations/001-baseline.sqlite.js";
import { positionGrid } from "./migrations/002-position-grid.sqlite.js";
import { NearbyVendorsResolver } from "./nearby-vendors.resolver.js";
import type { PositionReport } from "./position.record.js";
import type { PositionReports } from "./position-reports.js";
import { MongoPositionReports } from "./position-reports.mongo.js";
import { SqlitePositionReports } from "./position-reports.sqlite.js";
import type { PositionsStore } from "./positions.store.js";
import { mongoPositionsOn, sqlitePositionsOn } from "./positions-on.js";
import { UpdateVendorLocationResolver } from "./update-vendor-location.resolver.js";
import { VendorLocationResolver } from "./vendor-location.resolver.js";
import { VendorsWithinResolver } from "./vendors-within.resolver.js";

declare module "../module.js" {
  interface LocationStores {
    positions: PositionsStore;
    /** The write path of position reports: positions, fence crossings and events in one transaction. */
    positionReports: PositionReports;
  }
  interface LocationServices {
    positions: PositionsStore;
    positionReports: PositionReports;
    /** A position older than this is no longer live. */
    liveWindowSeconds: number;
    now: () => Date;
  }
  interface LocationLoaders {
    position: DataLoader<string, PositionReport | null>;
  }
}

/** Vendors' current positions and history, nearby searches, and the reports that move vendors. */
export const positionsModule: LocationModule = {
  name: "positions",
  migrations: { sqlite: [positionsBaseline, positionGrid] },
  stores: {
    sqlite: (on) => ({
      positions: sqlitePositionsOn(on.db),
      positionReports: new SqlitePositionReports(
        on.db,
        sqlitePositionsOn(on.db),
        sqliteGeofencesOn(on),
        on.outbox,
      ),
    }),
    mongo: (on) => ({
      positions: mongoPositionsOn(on.connection),
      positionReports: new MongoPositionReports(
        mongoPositionsOn(on.connection),
        mongoGeofencesOn(on),
        on.outbox,
      ),
    }),
  },
  services: (stores, settings) => ({
    positions: stores.positions,
    positionReports: coalescedPositionReports(stores.positionReports),
    liveWindowSeconds: settings.liveWindowSeconds,
    now: settings.now,
  }),
  loaders: (services) => ({
    position: keyedLoader(
      (ids: readonly string[]) => services.positions.currentPositions(ids),
      (p) => p.vendorId,
    ),
  }),
  resolvers: [
    NearbyVendorsResolver,
    UpdateVendorLocationResolver,
    VendorLocationResolver,
    VendorsWithinResolver,
  ],
};
