import type { PartnerScope } from "@venta/auth";

/**
 * A partner API key as the marketplace stores it. The key itself is never stored: only its SHA-256
 * (to recognise it when presented) and its first characters (so admins can tell keys apart).
 */
export interface PartnerKeyRecord {
  id: string;
  /** Who the key is for, 1 to 80 characters. */
  name: string;
  /** The first `PARTNER_KEY_PREFIX_LENGTH` characters of the key. */
  prefix: string;
  /** SHA-256 of the full key, lower-case hex; unique. */
  keyHash: string;
  /** Non-empty, without duplicates. */
  scopes: PartnerScope[];
  /** The admin who created the key (a user id). */
  createdBy: string;
  createdAt: Date;
  revokedAt: Date | null;
  lastUsedAt: Date | null;
}

/** How many leading characters of a key are kept and shown (`vpk_` and 8 random ones). */
export const PARTNER_KEY_PREFIX_LENGTH = 12;

/** Position in the newest-first (createdAt, id) order that partner key lists page through. */
export interface PartnerKeyListKey {
  createdAt: Date;
  id: string;
}
