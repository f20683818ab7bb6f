import { forbidden } from "@venta/auth";
import { conflict } from "@venta/kit";
import type { UsersStore } from "./users.store.js";

export type AccountStatus = "active" | "missing" | "deleted";

/** Whether the account exists and is live: only live accounts gather new data. */
export async function accountStatus(users: UsersStore, userId: string): Promise<AccountStatus> {
  const [user, profiles] = await Promise.all([users.findById(userId), users.findProfiles([userId])]);
  if (!user) return "missing";
  return (profiles[0]?.deletedAt ?? null) === null ? "active" : "deleted";
}

/**
 * Writing as a person (a review, a favorite, a helpful vote) needs a live account of their own: a
 * deleted account must not gather personal data again. Returns the person's id.
 */
export async function assertLiveAccount(users: UsersStore, userId: string | null): Promise<string> {
  const status = userId === null ? "missing" : await accountStatus(users, userId);
  if (status === "missing") throw forbidden("create your account (createUser) first");
  if (status === "deleted") throw conflict("this account was deleted");
  return userId as string;
}
