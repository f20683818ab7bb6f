import type { PushPlatform } from "../channels/channel.js";

/**
 * Where and how to reach a person, as the identity provider last told us. Locale and time zone
 * here are the person's account defaults; their notification settings may override them.
 */
export interface ContactRecord {
  userId: string;
  email: string | null;
  /** E.164, such as +15125550100. */
  phone: string | null;
  /** BCP 47, such as es-MX. */
  locale: string | null;
  /** IANA, such as America/Chicago. */
  timeZone: string | null;
  updatedAt: Date;
}

/** A change to contact details: an absent field stays as it is, null clears it. */
export type ContactPatch = Partial<Pick<ContactRecord, "email" | "phone" | "locale" | "timeZone">>;

/** What the identity provider knows about a person; each field: undefined leaves it, null clears it. */
export interface IdentityContact extends ContactPatch {
  userId: string;
}

/** An app installation that can receive push notifications; a token belongs to one person at a time. */
export interface PushDeviceRecord {
  token: string;
  userId: string;
  platform: PushPlatform;
  /** When the app last registered this token (apps re-register on every start). */
  registeredAt: Date;
}
