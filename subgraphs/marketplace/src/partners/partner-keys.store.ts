import type { Announce } from "@venta/events";
import type { PartnerKeyListKey, PartnerKeyRecord } from "./partner-key.record.js";

/** Another key already has this id or this hash. */
export class DuplicatePartnerKeyError extends Error {
  constructor(readonly id: string) {
    super(`partner key ${id} duplicates the id or the hash of a stored key`);
  }
}

export interface PartnerKeyListOptions {
  first: number;
  /** Continue after this key (exclusive). */
  after?: PartnerKeyListKey | undefined;
  /** Include revoked keys; by default only live ones are listed and counted. */
  includeRevoked?: boolean | undefined;
}

export interface PartnerKeyPage {
  records: PartnerKeyRecord[];
  hasNextPage: boolean;
  /** How many keys the list has in all (live ones only, unless revoked ones are included). */
  totalCount: number;
}

/** A key after `revoke`, and whether this call revoked it (false: it already was). */
export interface PartnerKeyRevocation {
  key: PartnerKeyRecord;
  revokedNow: boolean;
}

/** Where partner API keys live. Each adapter must pass `partner-keys.store.contract.ts`. */
export interface PartnerKeysStore {
  /** @throws DuplicatePartnerKeyError when the id or the key hash is taken; nothing is written then. */
  insert(record: PartnerKeyRecord): Promise<void>;
  /** The key with this SHA-256 hash, revoked or not. */
  findByHash(keyHash: string): Promise<PartnerKeyRecord | null>;
  findById(id: string): Promise<PartnerKeyRecord | null>;
  /** Newest first: (createdAt, id) descending. */
  list(options: PartnerKeyListOptions): Promise<PartnerKeyPage>;
  /**
   * Marks the key revoked at `at` and returns it; a key already revoked keeps its first `revokedAt`
   * (`revokedNow` false). Null for an unknown id. What `announce` makes of the result goes to the
   * outbox in the same transaction, so the revocation and its event commit together.
   */
  revoke(
    id: string,
    at: Date,
    announce?: Announce<PartnerKeyRevocation | null>,
  ): Promise<PartnerKeyRevocation | null>;
  /**
   * Sets `lastUsedAt` to `at` in one conditional write, only when it is null or older than
   * `at - minIntervalMs`; true when it wrote. A busy key thus writes at most once per interval.
   */
  touch(id: string, at: Date, minIntervalMs: number): Promise<boolean>;
}
