import { createHmac, timingSafeEqual } from "node:crypto";
import { MEDIA_PATH } from "./file-storage.local.js";

/** How long a document link works by default: enough to open it from the page that showed it. */
export const DEFAULT_DOCUMENT_LINK_SECONDS = 300;
/** A stored setting above this would turn a document link back into a long-lived capability. */
export const MAX_DOCUMENT_LINK_SECONDS = 3600;

/** Room for the clocks of two marketplace instances to disagree when one checks the other's link. */
const CLOCK_SKEW_SECONDS = 30;
/** Names what the derived key is for, so it can never verify anything signed for another purpose. */
const PURPOSE = "venta/marketplace/document-links/v1";
const EXPIRES = /^[0-9]{1,12}$/;
const SIGNATURE = /^[A-Za-z0-9_-]{43}$/;

/**
 * The key document links are signed with, derived from the secret every service already shares
 * (`INTERNAL_AUTH_SECRET`, or its key file under DATA_DIR): every marketplace instance checks the
 * links any other one minted, and a leaked link key reveals nothing about the identity secret.
 */
export function documentLinkKey(sharedSecret: Uint8Array): Buffer {
  return createHmac("sha256", sharedSecret).update(PURPOSE).digest();
}

export interface DocumentLinksOptions {
  /** From `documentLinkKey`. */
  key: Uint8Array;
  /** Where clients reach this server's `/media/…` route. */
  publicBaseUrl: string;
  lifetimeSeconds?: number | undefined;
  now?: () => Date;
}

/**
 * Business documents are only ever served through links that name one storage key, expire soon
 * and carry an HMAC over both: a link shown to an admin cannot be widened to another file, kept
 * for later, or guessed. Links are minted when an allowed caller reads a document, never stored.
 */
export class DocumentLinks {
  private readonly baseUrl: string;
  private readonly lifetimeSeconds: number;
  private readonly now: () => Date;

  constructor(private readonly options: DocumentLinksOptions) {
    this.baseUrl = options.publicBaseUrl.replace(/\/+$/, "");
    this.lifetimeSeconds = options.lifetimeSeconds ?? DEFAULT_DOCUMENT_LINK_SECONDS;
    if (
      !Number.isInteger(this.lifetimeSeconds) ||
      this.lifetimeSeconds < 1 ||
      this.lifetimeSeconds > MAX_DOCUMENT_LINK_SECONDS
    )
      throw new Error(`a document link lives 1 to ${MAX_DOCUMENT_LINK_SECONDS} seconds`);
    this.now = options.now ?? (() => new Date());
  }

  /** A link to the document under `storageKey`, working for the configured lifetime from now. */
  urlFor(storageKey: string): string {
    const expires = String(this.nowSeconds() + this.lifetimeSeconds);
    const query = new URLSearchParams({ expires, signature: this.sign(storageKey, expires) });
    return `${this.baseUrl}${MEDIA_PATH}/${storageKey}?${query}`;
  }

  /**
   * Whether the query of a `/media/<storageKey>` request holds a live signature for exactly that
   * key. An expiry further away than a link ever lives is refused too, so lowering the lifetime
   * also shortens links already handed out.
   */
  allows(storageKey: string, query: URLSearchParams): boolean {
    const expiresValues = query.getAll("expires");
    const signatureValues = query.getAll("signature");
    if (expiresValues.length !== 1 || signatureValues.length !== 1) return false;
    const [expires = "", signature = ""] = [expiresValues[0], signatureValues[0]];
    if (!EXPIRES.test(expires) || !SIGNATURE.test(signature)) return false;
    const now = this.nowSeconds();
    const expiresAt = Number(expires);
    if (expiresAt <= now || expiresAt > now + this.lifetimeSeconds + CLOCK_SKEW_SECONDS) return false;
    // The texts, not their decoded bytes: base64url's spare bits would let two texts pass for one.
    return timingSafeEqual(Buffer.from(signature), Buffer.from(this.sign(storageKey, expires)));
  }

  // The key cannot hold a newline (see `isStorageKey`), so key and expiry never run into each other.
  private sign(storageKey: string, expires: string): string {
    return createHmac("sha256", this.options.key).update(`${storageKey}\n${expires}`).digest("base64url");
  }

  private nowSeconds(): number {
    return Math.floor(this.now().getTime() / 1000);
  }
}
