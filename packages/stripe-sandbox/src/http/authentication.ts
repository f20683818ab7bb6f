import { ApiError } from "./api-error.js";

const NO_KEY =
  "You did not provide an API key. You need to provide your API key in the Authorization header, using Bearer auth (e.g. 'Authorization: Bearer YOUR_SECRET_KEY'). See https://stripe.com/docs/api#authentication for details, or we can help at https://support.stripe.com/.";

function unauthorized(message: string): ApiError {
  return new ApiError(401, { type: "invalid_request_error", message });
}

/** How Stripe quotes a key back: its prefix and last four characters only. */
function masked(key: string): string {
  const prefix = /^[a-z]+_[a-z]+_/.exec(key)?.[0] ?? "";
  return `${prefix}${"*".repeat(Math.max(0, Math.min(key.length - prefix.length - 4, 24)))}${key.slice(-4)}`;
}

/**
 * The secret key of a call, from `Authorization: Bearer sk_test_…` (the SDK's way) or Basic auth
 * with the key as user name (curl's `-u sk_test_…:`, Stripe's documented way). Any test-mode secret
 * key is accepted, each as a key of the same platform account; a live key never is, so no
 * production credential is ever sent to a local stand-in without a refusal.
 */
export function apiKeyOf(authorization: string | undefined): string {
  if (!authorization) throw unauthorized(NO_KEY);
  const [scheme = "", credentials = ""] = authorization.trim().split(/\s+/, 2);
  let key: string;
  if (scheme.toLowerCase() === "bearer") key = credentials;
  else if (scheme.toLowerCase() === "basic")
    key = Buffer.from(credentials, "base64").toString("utf8").split(":")[0] ?? "";
  else throw unauthorized(NO_KEY);
  if (key === "") throw unauthorized(NO_KEY);
  if (!/^sk_test_[A-Za-z0-9_]+$/.test(key))
    throw unauthorized(
      `Invalid API Key provided: ${masked(key.slice(0, 200))}. The Stripe sandbox accepts test-mode secret keys (sk_test_…) only.`,
    );
  return key;
}
