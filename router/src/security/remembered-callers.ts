import { ExpiringCache } from "@venta/auth";
import type { DeletionCheck } from "./caller-identity.js";
import type { CallerAnswer, CallerLookup } from "./caller-lookup.js";
import { sha256Hex } from "./trusted-documents.js";

export interface CallerMemoryOptions {
  /** Bound on each memory (deleted accounts, unknown keys): the oldest entry goes first when full. */
  maxEntries: number;
  /** How long an unknown or revoked key is refused without asking again. */
  unknownKeyMs: number;
}

/**
 * Only answers that can never turn into a yes are remembered. A deletion is final, so a deleted
 * account is refused without asking again for as long as it stays in memory. An unknown or revoked
 * key cannot become valid either (keys are random and revocation is final), so repeated bad keys,
 * over HTTP or in `connection_init`, cost marketplace one lookup per `unknownKeyMs`; remembering
 * them only briefly keeps the memory turning over under a flood of guesses. Live keys and active
 * accounts are never remembered, so a revocation or a deletion stops the next request.
 * Concurrent identical questions share one lookup. Keys are remembered by their SHA-256 only.
 */
export function rememberedCallers(lookup: CallerLookup, options: CallerMemoryOptions): CallerLookup {
  const deletedAccounts = new ExpiringCache<true>(options.maxEntries);
  const unknownKeys = new ExpiringCache<true>(options.maxEntries);
  const inFlight = new Map<string, Promise<CallerAnswer>>();
  return async ({ userId, key }) => {
    const keyHash = key === undefined ? undefined : sha256Hex(key);
    if (userId !== undefined && deletedAccounts.get(userId)) return { account: "deleted", partner: null };
    // The request is refused on the key whatever the account is: no need to ask about it.
    if (keyHash !== undefined && unknownKeys.get(keyHash)) return { account: null, partner: null };
    const question = JSON.stringify([userId ?? null, keyHash ?? null]);
    const pending = inFlight.get(question);
    if (pending) return pending;
    const answer = lookup({ userId, key })
      .then((found) => {
        if (userId !== undefined && found.account === "deleted")
          deletedAccounts.set(userId, true, Number.POSITIVE_INFINITY);
        if (keyHash !== undefined && found.partner === null)
          unknownKeys.set(keyHash, true, Date.now() + options.unknownKeyMs);
        return found;
      })
      .finally(() => inFlight.delete(question));
    inFlight.set(question, answer);
    return answer;
  };
}

/** A deletion is final: once seen, it is answered from memory (bounded) and never asked again. */
export function rememberedDeletions(isDeleted: DeletionCheck, maxEntries: number): DeletionCheck {
  const deleted = new ExpiringCache<true>(maxEntries);
  return async (userId) => {
    if (deleted.get(userId)) return true;
    const found = await isDeleted(userId);
    if (found) deleted.set(userId, true, Number.POSITIVE_INFINITY);
    return found;
  };
}
