import { createHash, randomBytes, randomUUID } from "node:crypto";
import { PARTNER_SCOPES, type PartnerIdentity, type PartnerScope } from "@venta/auth";
import { newEvent } from "@venta/events";
import { badUserInput, notFound } from "@venta/kit";
import { PARTNER_KEY_PREFIX_LENGTH, type PartnerKeyRecord } from "./partner-key.record.js";
import type { PartnerKeysStore } from "./partner-keys.store.js";

/** What every partner key starts with, so a leaked one is recognisable (and scannable) as ours. */
export const PARTNER_KEY_MARK = "vpk_";
/** `vpk_` and 32 random bytes in base64url (43 characters, no padding). */
const KEY_SHAPE = /^vpk_[A-Za-z0-9_-]{43}$/;
/** `lastUsedAt` is written at most this often per key, however busy the key. */
export const LAST_USED_INTERVAL_MS = 60_000;
const MAX_NAME_LENGTH = 80;

export const hashPartnerKey = (key: string): string => createHash("sha256").update(key, "utf8").digest("hex");

export interface CreatedPartnerKey {
  /** The key itself: returned this once, never stored. */
  key: string;
  record: PartnerKeyRecord;
}

/** Partner API keys: issuing them (the key shown once), recognising them, revoking them. */
export class PartnerKeysService {
  constructor(
    private readonly keys: PartnerKeysStore,
    private readonly now: () => Date = () => new Date(),
  ) {}

  async create(name: string, scopes: readonly string[], createdBy: string): Promise<CreatedPartnerKey> {
    const record: Omit<PartnerKeyRecord, "prefix" | "keyHash"> = {
      id: randomUUID(),
      name: validName(name),
      scopes: validScopes(scopes),
      createdBy,
      createdAt: this.now(),
      revokedAt: null,
      lastUsedAt: null,
    };
    const key = `${PARTNER_KEY_MARK}${randomBytes(32).toString("base64url")}`;
    const stored: PartnerKeyRecord = {
      ...record,
      prefix: key.slice(0, PARTNER_KEY_PREFIX_LENGTH),
      keyHash: hashPartnerKey(key),
    };
    await this.keys.insert(stored);
    return { key, record: stored };
  }

  /**
   * The partner a key belongs to, or null for a malformed, unknown or revoked key. A key that cannot
   * be one of ours is refused without a read; the store is searched by the key's hash only.
   */
  async verify(key: unknown): Promise<PartnerIdentity | null> {
    if (typeof key !== "string" || !KEY_SHAPE.test(key)) return null;
    const record = await this.keys.findByHash(hashPartnerKey(key));
    if (!record || record.revokedAt !== null) return null;
    const now = this.now();
    // The store re-checks the interval in its conditional write; this only spares the round trip.
    if (record.lastUsedAt === null || now.getTime() - record.lastUsedAt.getTime() > LAST_USED_INTERVAL_MS) {
      await this.keys.touch(record.id, now, LAST_USED_INTERVAL_MS);
    }
    return { keyId: record.id, name: record.name, scopes: record.scopes };
  }

  /** Whether the key with this id exists and is not revoked: asked before each webhook delivery. */
  async isLive(id: string): Promise<boolean> {
    const record = await this.keys.findById(id);
    return record !== null && record.revokedAt === null;
  }

  /**
   * Revokes a key for good; revoking it again changes nothing. The first revocation announces
   * `marketplace.partner_key_revoked` in the same transaction, so the key's webhooks stop even if
   * this process dies right after the commit.
   */
  async revoke(id: string): Promise<PartnerKeyRecord> {
    const at = this.now();
    const revoked = await this.keys.revoke(id, at, (result) =>
      result?.revokedNow
        ? [
            newEvent(
              "marketplace.partner_key_revoked",
              { keyId: result.key.id, revokedAt: at.toISOString() },
              at,
            ),
          ]
        : [],
    );
    if (!revoked) throw notFound(`no partner key with id ${id}`);
    return revoked.key;
  }
}

function validName(name: string): string {
  const trimmed = name.trim().replace(/\s+/g, " ");
  if (trimmed.length < 1 || trimmed.length > MAX_NAME_LENGTH)
    throw badUserInput(`name must be 1 to ${MAX_NAME_LENGTH} characters`, "name");
  return trimmed;
}

/** De-duplicated, in the order given; at least one, all known. */
function validScopes(scopes: readonly string[]): PartnerScope[] {
  const unique = [...new Set(scopes)];
  if (unique.length === 0) throw badUserInput("give at least one scope", "scopes");
  const unknown = unique.find((s) => !(PARTNER_SCOPES as readonly string[]).includes(s));
  if (unknown !== undefined) throw badUserInput(`"${unknown}" is not a partner scope`, "scopes");
  return unique as PartnerScope[];
}
