import { keyedLoader } from "@venta/kit";
import type DataLoader from "dataloader";
import type { MarketplaceModule } from "../module.js";
import { usersBaseline } from "./migrations/001-users.sqlite.js";
import { PersonalDataResolver } from "./personal-data.resolver.js";
import { PersonalDataService } from "./personal-data.service.js";
import { UserProfileResolver } from "./user.profile.resolver.js";
import type { UserRecord } from "./user.record.js";
import { resolveUserReference } from "./user.reference.js";
import { UserVendorsResolver } from "./user.vendors.resolver.js";
import { userProfileLoader } from "./user-profile.loader.js";
import type { UserProfileRecord } from "./user-profile.record.js";
import { UsersPersonalData } from "./users.personal-data.js";
import { UsersResolver } from "./users.resolver.js";
import { UsersService } from "./users.service.js";
import type { UsersStore } from "./users.store.js";
import { MongoUsersStore } from "./users.store.mongo.js";
import { SqliteUsersStore } from "./users.store.sqlite.js";

declare module "../module.js" {
  interface MarketplaceStores {
    users: UsersStore;
  }
  interface MarketplaceServices {
    usersStore: UsersStore;
    users: UsersService;
    personalData: PersonalDataService;
  }
  interface MarketplaceLoaders {
    user: DataLoader<string, UserRecord | null>;
    userProfile: DataLoader<string, UserProfileRecord | null>;
  }
}

export const usersModule: MarketplaceModule = {
  name: "users",
  migrations: { sqlite: [usersBaseline] },
  stores: {
    sqlite: ({ db, outbox }) => ({ users: new SqliteUsersStore(db, outbox) }),
    mongo: ({ connection, outbox }) => ({ users: new MongoUsersStore(connection, outbox) }),
  },
  services: (stores, { personalData, deletedAccounts }) => ({
    usersStore: stores.users,
    users: new UsersService(stores.users),
    personalData: new PersonalDataService(stores.users, stores.vendors, personalData, deletedAccounts),
  }),
  loaders: (services) => ({
    user: keyedLoader(
      (ids: readonly string[]) => services.usersStore.findByIds(ids),
      (u) => u.id,
    ),
    userProfile: userProfileLoader(services.usersStore),
  }),
  resolvers: [UsersResolver, UserVendorsResolver, UserProfileResolver, PersonalDataResolver],
  references: { User: { __resolveReference: resolveUserReference } },
  personalData: (stores) => {
    const users = new UsersPersonalData(stores.users);
    return { eraser: users, exporter: users };
  },
};
