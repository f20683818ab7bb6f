import { randomUUID } from "node:crypto";
import { newEvent } from "@venta/events";
import { badUserInput, conflict, notFound } from "@venta/kit";
import { type AccountStatus, accountStatus } from "./account-status.js";
import type { UserRecord } from "./user.record.js";
import type { DietaryTag, ProfilePatch } from "./user-profile.record.js";
import {
  type NotificationSetting,
  validAvatarUrl,
  validBio,
  validDietaryTags,
  validDisplayName,
  validFavoriteCuisines,
  validLocale,
  validNotifications,
  validTimeZone,
} from "./user-profile.validation.js";
import type { UsersStore } from "./users.store.js";

export interface CreateUserOptions {
  id?: string;
  now?: Date;
}

export type { AccountStatus } from "./account-status.js";

/** A profile change as clients send it: absent (or undefined) keeps a field, null clears it. */
export interface ProfileUpdate {
  displayName?: string | null | undefined;
  bio?: string | null | undefined;
  avatarUrl?: string | null | undefined;
  locale?: string | null | undefined;
  timeZone?: string | null | undefined;
  preferences?:
    | {
        favoriteCuisines?: readonly string[] | null | undefined;
        dietaryTags?: readonly (DietaryTag | string)[] | null | undefined;
        notifications?: readonly NotificationSetting[] | null | undefined;
      }
    | null
    | undefined;
}

/** Account rules: what a valid account and profile are, and the event that announces a new account. */
export class UsersService {
  constructor(
    private readonly users: UsersStore,
    private readonly now: () => Date = () => new Date(),
  ) {}

  async register(displayName: string, options: CreateUserOptions = {}): Promise<UserRecord> {
    const user: UserRecord = {
      id: options.id ?? randomUUID(),
      displayName: validDisplayName(displayName),
      createdAt: options.now ?? new Date(),
    };
    const registered = (inserted: boolean) =>
      inserted
        ? [
            newEvent("marketplace.user_registered", {
              userId: user.id,
              displayName: user.displayName,
              registeredAt: user.createdAt.toISOString(),
            }),
          ]
        : [];
    if (!(await this.users.insert(user, registered))) throw conflict("this account already exists");
    return user;
  }

  /** Validates the whole change first, then writes it at once: bad input writes nothing. */
  async updateProfile(userId: string, update: ProfileUpdate): Promise<UserRecord> {
    const patch = profilePatch(update);
    const outcome = await this.users.updateProfile(userId, patch, this.now());
    if (outcome === "no-account") throw notFound("you have no account yet: create it with createUser");
    if (outcome === "deleted") throw conflict("this account was deleted");
    return (await this.users.findById(userId)) as UserRecord;
  }

  /** Whether the account exists and is live: only live accounts gather new data (points, for example). */
  accountStatus(userId: string): Promise<AccountStatus> {
    return accountStatus(this.users, userId);
  }
}

/** `null` for the display name or a list means "not given": neither can be cleared. */
function profilePatch(update: ProfileUpdate): ProfilePatch {
  const patch: ProfilePatch = {};
  if (update.displayName != null) patch.displayName = validDisplayName(update.displayName);
  if (update.bio !== undefined) patch.bio = validBio(update.bio);
  if (update.avatarUrl !== undefined) patch.avatarUrl = validAvatarUrl(update.avatarUrl);
  if (update.locale !== undefined) patch.locale = validLocale(update.locale);
  if (update.timeZone !== undefined) patch.timeZone = validTimeZone(update.timeZone);
  const preferences = update.preferences;
  if (preferences?.favoriteCuisines != null)
    patch.favoriteCuisines = validFavoriteCuisines(preferences.favoriteCuisines);
  if (preferences?.dietaryTags != null) patch.dietaryTags = validDietaryTags(preferences.dietaryTags);
  if (preferences?.notifications != null) patch.notifications = validNotifications(preferences.notifications);
  if (Object.keys(patch).length === 0) throw badUserInput("give at least one field to change", "input");
  return patch;
}
