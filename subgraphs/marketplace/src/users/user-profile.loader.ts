import { keyedLoader } from "@venta/kit";
import type DataLoader from "dataloader";
import type { UserProfileRecord } from "./user-profile.record.js";
import type { UsersStore } from "./users.store.js";

/** Per request: every account of a response gets its profile from one store query; null without one. */
export function userProfileLoader(users: UsersStore): DataLoader<string, UserProfileRecord | null> {
  return keyedLoader(
    (userIds: readonly string[]) => users.findProfiles(userIds),
    (profile) => profile.userId,
  );
}
