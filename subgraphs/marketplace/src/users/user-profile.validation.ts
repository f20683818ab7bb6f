import { badUserInput } from "@venta/kit";
import {
  type ChannelSwitches,
  DIETARY_TAGS,
  type DietaryTag,
  NOTIFICATION_CATEGORIES,
  type NotificationCategory,
} from "./user-profile.record.js";

export const MAX_BIO_LENGTH = 280;
export const MAX_FAVORITE_CUISINES = 20;
const MAX_URL_LENGTH = 2048;
const CUISINE = /^[a-z0-9][a-z0-9 &'-]*$/;

/** Trimmed, with inner runs of white space collapsed; 1 to 60 characters. */
export function validDisplayName(displayName: string): string {
  const name = displayName.trim().replace(/\s+/g, " ");
  if (name.length < 1 || name.length > 60)
    throw badUserInput("displayName must be 1 to 60 characters", "displayName");
  return name;
}

/** Trimmed; an empty bio is none. Length counts characters as people see them (code points). */
export function validBio(bio: string | null): string | null {
  const trimmed = bio?.trim() ?? "";
  if ([...trimmed].length > MAX_BIO_LENGTH)
    throw badUserInput(`bio must be at most ${MAX_BIO_LENGTH} characters`, "bio");
  return trimmed.length > 0 ? trimmed : null;
}

/** An absolute https URL without credentials: avatars are shown to everyone, so never over plain http. */
export function validAvatarUrl(url: string | null): string | null {
  const trimmed = url?.trim() ?? "";
  if (trimmed.length === 0) return null;
  let parsed: URL;
  try {
    parsed = new URL(trimmed);
  } catch {
    throw badUserInput("avatarUrl must be an absolute https URL", "avatarUrl");
  }
  if (parsed.protocol !== "https:" || parsed.username || parsed.password || trimmed.length > MAX_URL_LENGTH)
    throw badUserInput(
      `avatarUrl must be an https URL without credentials, up to ${MAX_URL_LENGTH} characters`,
      "avatarUrl",
    );
  return parsed.href;
}

/** Lower-cased, trimmed and de-duplicated in the order given; at most 20, none empty. */
export function validFavoriteCuisines(cuisines: readonly string[]): string[] {
  const normalized = [...new Set(cuisines.map((c) => c.trim().toLowerCase().replace(/\s+/g, " ")))];
  if (normalized.length > MAX_FAVORITE_CUISINES)
    throw badUserInput(`give at most ${MAX_FAVORITE_CUISINES} favorite cuisines`, "favoriteCuisines");
  for (const cuisine of normalized) {
    if (cuisine.length < 1 || cuisine.length > 40 || !CUISINE.test(cuisine))
      throw badUserInput(
        `"${cuisine}" is not a valid cuisine: letters, digits, spaces, & ' - only, up to 40`,
        "favoriteCuisines",
      );
  }
  return normalized;
}

/** Known tags, de-duplicated. GraphQL already checks the enum; the service checks again for other callers. */
export function validDietaryTags(tags: readonly string[]): DietaryTag[] {
  for (const tag of tags)
    if (!(DIETARY_TAGS as readonly string[]).includes(tag))
      throw badUserInput(`"${tag}" is not a dietary tag`, "dietaryTags");
  return [...new Set(tags as DietaryTag[])];
}

export interface NotificationSetting extends ChannelSwitches {
  category: NotificationCategory;
}

/** One setting per category at most: two for the same category would contradict each other. */
export function validNotifications(
  settings: readonly NotificationSetting[],
): Partial<Record<NotificationCategory, ChannelSwitches>> {
  const result: Partial<Record<NotificationCategory, ChannelSwitches>> = {};
  for (const { category, push, email, sms } of settings) {
    if (!(NOTIFICATION_CATEGORIES as readonly string[]).includes(category))
      throw badUserInput(`"${category}" is not a notification category`, "notifications");
    if (result[category]) throw badUserInput(`${category} is given twice`, "notifications");
    result[category] = { push, email, sms };
  }
  return result;
}
