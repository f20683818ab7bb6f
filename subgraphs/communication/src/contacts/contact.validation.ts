import { badUserInput } from "@venta/kit";

/**
 * Deliberately loose (one @, a dot in the domain, no spaces): the mail server is the judge of an
 * address; this only stops what can never be one. Stored trimmed and lower-cased.
 */
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const E164 = /^\+[1-9]\d{6,14}$/;
/** FCM tokens run to about 160 characters, APNs tokens are 64 hex digits; 4 KB leaves room for change. */
const DEVICE_TOKEN = /^[A-Za-z0-9_:.-]{16,4096}$/;

/** Empty means none. */
export function validEmail(email: string | null): string | null {
  const trimmed = email?.trim() ?? "";
  if (trimmed.length === 0) return null;
  if (trimmed.length > 254 || !EMAIL.test(trimmed)) {
    throw badUserInput(`"${trimmed}" is not an e-mail address`, "email");
  }
  return trimmed.toLowerCase();
}

/** E.164 (`+15125550100`); spaces, dashes, dots and brackets people type are dropped first. Empty means none. */
export function validPhone(phone: string | null): string | null {
  const compact = (phone ?? "").replace(/[\s\-.()]/g, "");
  if (compact.length === 0) return null;
  if (!E164.test(compact)) {
    throw badUserInput(
      `"${phone}" is not a phone number in international form such as +15125550100`,
      "phone",
    );
  }
  return compact;
}

export function validDeviceToken(token: string): string {
  const trimmed = token.trim();
  if (!DEVICE_TOKEN.test(trimmed)) throw badUserInput("token is not a push device token", "token");
  return trimmed;
}
