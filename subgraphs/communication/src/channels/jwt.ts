import { createPrivateKey, type KeyObject, sign } from "node:crypto";

const base64url = (value: string | Buffer) => Buffer.from(value).toString("base64url");

/**
 * A compact JWS: RS256 for Google's service-account assertion, ES256 for Apple's provider token.
 * ES256 signatures are the raw 64-byte r‖s pair (JOSE), not the DER that OpenSSL produces by default.
 */
export function signJwt(
  header: { alg: "RS256" | "ES256"; kid?: string },
  claims: Record<string, unknown>,
  key: KeyObject,
): string {
  const input = `${base64url(JSON.stringify({ ...header, typ: "JWT" }))}.${base64url(JSON.stringify(claims))}`;
  const signature =
    header.alg === "ES256"
      ? sign("sha256", Buffer.from(input), { key, dsaEncoding: "ieee-p1363" })
      : sign("sha256", Buffer.from(input), key);
  return `${input}.${base64url(signature)}`;
}

/** A PEM private key (PKCS#8, as Google and Apple hand them out). */
export function privateKeyFromPem(pem: string, what: string): KeyObject {
  try {
    return createPrivateKey(pem);
  } catch {
    throw new Error(`${what} is not a PEM private key`);
  }
}
