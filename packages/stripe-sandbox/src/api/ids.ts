import { createHash, randomInt } from "node:crypto";

const ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

function randomChars(length: number): string {
  let out = "";
  for (let i = 0; i < length; i += 1) out += ALPHABET[randomInt(ALPHABET.length)];
  return out;
}

/**
 * The prefixes Stripe gives each kind of object. Code that stores ids often checks them
 * (`pi_…` is a PaymentIntent), so the sandbox keeps them, with Stripe's id lengths.
 */
export const ID_PREFIXES = {
  account: "acct_",
  balanceTransaction: "txn_",
  charge: "ch_",
  dispute: "dp_",
  event: "evt_",
  paymentIntent: "pi_",
  paymentMethod: "pm_",
  refund: "re_",
  request: "req_",
  transfer: "tr_",
  transferReversal: "trr_",
  applicationFee: "fee_",
} as const;

export function newId(kind: keyof typeof ID_PREFIXES): string {
  // Connected accounts have 16 characters after the prefix, request ids 14, the rest 24.
  const length = kind === "account" ? 16 : kind === "request" ? 14 : 24;
  return `${ID_PREFIXES[kind]}${randomChars(length)}`;
}

/** The secret a browser confirms a PaymentIntent with: its id, `_secret_`, then 25 characters. */
export function clientSecretFor(paymentIntentId: string): string {
  return `${paymentIntentId}_secret_${randomChars(25)}`;
}

/** An unguessable token, for links that act without an API key (account onboarding). */
export function linkToken(): string {
  return randomChars(32);
}

/**
 * A card's fingerprint: the same card number always has the same one (Stripe's promise, which
 * fraud rules and duplicate-card checks rely on), and it reveals nothing of the number.
 */
export function cardFingerprint(cardNumber: string): string {
  const digest = createHash("sha256").update(`venta-stripe-sandbox:${cardNumber}`).digest();
  let out = "";
  for (const byte of digest.subarray(0, 16)) out += ALPHABET[byte % ALPHABET.length];
  return out;
}

/** Stripe's timestamps: whole seconds since the epoch. */
export function unixSeconds(at: number = Date.now()): number {
  return Math.floor(at / 1000);
}
