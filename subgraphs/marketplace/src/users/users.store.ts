import type { Announce } from "@venta/events";
import type { UserRecord } from "./user.record.js";
import type { ProfilePatch, UserProfileRecord } from "./user-profile.record.js";

/** What `updateProfile` found: it writes only to a live account. */
export type ProfileUpdateOutcome = "updated" | "no-account" | "deleted";

/** Where user accounts live. Each adapter must pass `users.store.contract.ts`. */
export interface UsersStore {
  /**
   * False, writing nothing, when an account with this id already exists. What `announce` makes of
   * the outcome goes to the outbox in the same write.
   */
  insert(user: UserRecord, announce?: Announce<boolean>): Promise<boolean>;
  findById(id: string): Promise<UserRecord | null>;
  /** One round trip, whatever the number of ids; unknown ids are simply absent. */
  findByIds(ids: readonly string[]): Promise<UserRecord[]>;
  /**
   * The profiles of these accounts, one round trip; accounts that never set one (and unknown ids)
   * are absent. A deleted account's profile holds only `deletedAt`.
   */
  findProfiles(userIds: readonly string[]): Promise<UserProfileRecord[]>;
  /**
   * Applies `patch` to the account (its display name) and its profile in one atomic write, creating
   * the profile on first use. Writes nothing to an unknown or deleted account. What `announce`
   * makes of the outcome goes to the outbox in the same write.
   */
  updateProfile(
    userId: string,
    patch: ProfilePatch,
    at: Date,
    announce?: Announce<ProfileUpdateOutcome>,
  ): Promise<ProfileUpdateOutcome>;
  /**
   * Erases the account's personal data in one atomic write: the display name becomes
   * `DELETED_USER_NAME` and the profile keeps only `deletedAt`. The account itself stays, so what
   * others wrote about or with it still has someone to point at. Erasing again keeps the first
   * `deletedAt`. Returns the `deletedAt` kept, or null for an unknown account; what `announce` makes
   * of it goes to the outbox in the same write.
   */
  erase(userId: string, at: Date, announce?: Announce<Date | null>): Promise<Date | null>;
}
