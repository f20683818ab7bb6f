import { randomUUID } from "node:crypto";
import { newEvent } from "@venta/events";
import { badUserInput, conflict, notFound, validLocale, validTimeZone } from "@venta/kit";
import { type AccountStatus, accountStatus } from "./account-status.js";
import type { UserRecord } from "./user.record.js";
import type { DietaryTag, NotificationCategory, ProfilePatch } from "./user-profile.record.js";
import {
  type NotificationSetting,
  validAvatarUrl,
  validBio,
  validDietaryTags,
  validDisplayName,
  validFavoriteCuisines,
  validNotifications,
} from "./user-profile.validation.js";
import type { ProfileUpdateOutcome, UsersStore } from "./users.store.js";

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

  /**
   * Validates the whole change first, then writes it at once: bad input writes nothing. Notification
   * switches are announced with the write (`marketplace.notification_preferences_changed`), for
   * communication, whose switches are the ones applied when sending.
   */
  async updateProfile(userId: string, update: ProfileUpdate): Promise<UserRecord> {
    const patch = profilePatch(update);
    const at = this.now();
    const switches = patch.notifications;
    const announce = (outcome: ProfileUpdateOutcome) =>
      outcome === "updated" && switches
        ? [
            newEvent(
              "marketplace.notification_preferences_changed",
              {
                userId,
                preferences: Object.entries(switches).map(([category, { push, email, sms }]) => ({
                  category: category as NotificationCategory,
                  push,
                  email,
                  sms,
                })),
                at: at.toISOString(),
              },
              at,
            ),
          ]
        : [];
    const outcome = await this.users.updateProfile(userId, patch, at, announce);
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
