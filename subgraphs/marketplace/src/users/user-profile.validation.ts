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
/** Region/City names (and `UTC`): rules out the UTC offsets `Intl` also accepts, which are not IANA zones. */
const IANA_ZONE = /^[A-Za-z][A-Za-z0-9_+-]*(?:\/[A-Za-z0-9_+-]+)*$/;

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

/**
 * A BCP 47 language tag, stored in its canonical form (`en-us` becomes `en-US`). The language must
 * be an ISO 639 code (2 or 3 letters): BCP 47 also allows 5 to 8 letter languages, which no app
 * could use, and they would let plain words like `english` through.
 */
export function validLocale(locale: string | null): string | null {
  const trimmed = locale?.trim() ?? "";
  if (trimmed.length === 0) return null;
  try {
    const [canonical] = Intl.getCanonicalLocales(trimmed);
    if (canonical && canonical.length <= 35 && /^[a-z]{2,3}(?:-|$)/.test(canonical)) return canonical;
  } catch {
    // RangeError: not a well-formed tag; reported below.
  }
  throw badUserInput(`"${trimmed}" is not a BCP 47 language tag such as en-US`, "locale");
}

/** An IANA time zone the runtime knows, stored as `Intl` names it (`america/chicago` → `America/Chicago`). */
export function validTimeZone(timeZone: string | null): string | null {
  const trimmed = timeZone?.trim() ?? "";
  if (trimmed.length === 0) return null;
  if (IANA_ZONE.test(trimmed) && trimmed.length <= 64) {
    try {
      return new Intl.DateTimeFormat("en-US", { timeZone: trimmed }).resolvedOptions().timeZone;
    } catch {
      // RangeError: unknown zone; reported below.
    }
  }
  throw badUserInput(`"${trimmed}" is not an IANA time zone such as America/Chicago`, "timeZone");
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
