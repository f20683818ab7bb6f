import type { LocationModule } from "../module.js";
import { followAccountDeletions } from "./account-deletions.js";
import { GeofencesResolver } from "./geofences.resolver.js";
import type { GeofencesStore } from "./geofences.store.js";
import { mongoGeofencesOn, sqliteGeofencesOn } from "./geofences-on.js";
import { geofencesBaseline } from "./migrations/001-baseline.sqlite.js";
import { UserDataExportGeofencesResolver } from "./user-data-export.geofences.resolver.js";
import { VendorGeofencesResolver } from "./vendor.geofences.resolver.js";

declare module "../module.js" {
  interface LocationStores {
    /** Fences and memberships; position reports evaluate against them in their own transaction. */
    geofences: GeofencesStore;
  }
  interface LocationServices {
    geofences: GeofencesStore;
  }
}

/** Alert zones and vendor zones, who is inside each, and the crossings they announce. */
export const geofencesModule: LocationModule = {
  name: "geofences",
  migrations: { sqlite: [geofencesBaseline] },
  stores: {
    sqlite: (on) => ({ geofences: sqliteGeofencesOn(on) }),
    mongo: (on) => ({ geofences: mongoGeofencesOn(on) }),
  },
  services: (stores) => ({ geofences: stores.geofences }),
  resolvers: [GeofencesResolver, VendorGeofencesResolver, UserDataExportGeofencesResolver],
  start: (services, { bus, log }) => {
    const accountDeletions = followAccountDeletions(bus, services.geofences, log);
    return [() => accountDeletions.stop()];
  },
};
