import {
  DIETARY_TAGS as MENU_DIETARY_TAGS,
  type DietaryTag as MenuDietaryTag,
} from "../menus/menu.record.js";

/** Diets a person follows: menus' dietary tags, less the ones that describe a dish, not a diet. */
export type DietaryTag = Exclude<MenuDietaryTag, "SPICY">;
export const DIETARY_TAGS: readonly DietaryTag[] = MENU_DIETARY_TAGS.filter(
  (tag): tag is DietaryTag => tag !== "SPICY",
);

/** What Venta may notify a person about. */
export const NOTIFICATION_CATEGORIES = ["FAVORITE_NEARBY", "PROMOTIONS", "MESSAGES", "LOYALTY"] as const;
export type NotificationCategory = (typeof NOTIFICATION_CATEGORIES)[number];

/** Which channels a category may use. */
export interface ChannelSwitches {
  push: boolean;
  email: boolean;
  sms: boolean;
}

/**
 * What a person gets before choosing: service messages by push and e-mail, marketing only once they
 * opt in (PROMOTIONS is off everywhere), and never SMS, which costs the person money.
 */
export const DEFAULT_NOTIFICATIONS: Readonly<Record<NotificationCategory, Readonly<ChannelSwitches>>> = {
  FAVORITE_NEARBY: { push: true, email: false, sms: false },
  PROMOTIONS: { push: false, email: false, sms: false },
  MESSAGES: { push: true, email: true, sms: false },
  LOYALTY: { push: true, email: false, sms: false },
};

export interface UserPreferences {
  /** Lower-case, at most 20. */
  favoriteCuisines: string[];
  dietaryTags: DietaryTag[];
  /** Only the categories the person set; the others follow `DEFAULT_NOTIFICATIONS`. */
  notifications: Partial<Record<NotificationCategory, ChannelSwitches>>;
}

/**
 * The optional half of an account: what a person tells about themself and how they want Venta to
 * behave. An account that never set anything has no profile; a deleted account keeps only
 * `deletedAt` (every personal field is gone).
 */
export interface UserProfileRecord {
  userId: string;
  bio: string | null;
  /** https only. */
  avatarUrl: string | null;
  /** A canonical BCP 47 tag such as `en-US`. */
  locale: string | null;
  /** An IANA time zone such as `America/Chicago`. */
  timeZone: string | null;
  preferences: UserPreferences;
  /** When the account was deleted (`deleteMyAccount`); null for a live account. */
  deletedAt: Date | null;
  updatedAt: Date;
}

/**
 * A change to a profile: absent fields keep their value, `null` clears one. Each notification
 * category given replaces that category's switches; the others are kept.
 */
export interface ProfilePatch {
  displayName?: string;
  bio?: string | null;
  avatarUrl?: string | null;
  locale?: string | null;
  timeZone?: string | null;
  favoriteCuisines?: string[];
  dietaryTags?: DietaryTag[];
  notifications?: Partial<Record<NotificationCategory, ChannelSwitches>>;
}

/** How an account with no profile looks. */
export const emptyProfile = (userId: string, at: Date): UserProfileRecord => ({
  userId,
  bio: null,
  avatarUrl: null,
  locale: null,
  timeZone: null,
  preferences: { favoriteCuisines: [], dietaryTags: [], notifications: {} },
  deletedAt: null,
  updatedAt: at,
});

/** The name a deleted account shows wherever it still appears (its reviews, for example). */
export const DELETED_USER_NAME = "Deleted user";
