import { createHmac, randomBytes } from "node:crypto";

/** The header carrying a delivery's signatures: `t=<unix seconds>,v1=<hex>[,v1=<hex>]`. */
export const SIGNATURE_HEADER = "Venta-Signature";
/** The header carrying the event's id, the same on every attempt. */
export const EVENT_ID_HEADER = "Venta-Event-Id";
/** The header carrying the event's type, for routing before parsing. */
export const EVENT_TYPE_HEADER = "Venta-Event-Type";
/** What every signing secret starts with, so a leaked one is recognisable as ours. */
export const SIGNING_SECRET_MARK = "whsec_";

/** A new signing secret: `whsec_` and 32 random bytes in base64url. */
export const newSigningSecret = (): string =>
  `${SIGNING_SECRET_MARK}${randomBytes(32).toString("base64url")}`;

/** HMAC-SHA256, keyed with the whole secret (as UTF-8), over `<t>.<body>`, in lower-case hex. */
export function signatureOf(secret: string, timestamp: number, body: string): string {
  return createHmac("sha256", secret).update(`${timestamp}.${body}`, "utf8").digest("hex");
}

/**
 * The `Venta-Signature` value for a body sent at `timestamp` (unix seconds). While a rotated-out
 * secret is still honoured, the body is signed with it too, one `v1` each: a receiver that still
 * has the old secret keeps verifying until it switches.
 */
export function signatureHeader(secrets: readonly string[], timestamp: number, body: string): string {
  return [`t=${timestamp}`, ...secrets.map((secret) => `v1=${signatureOf(secret, timestamp, body)}`)].join(
    ",",
  );
}
