import { createRemoteJWKSet, type JWTVerifyGetKey } from "jose";

/**
 * The identity provider's signing keys (Clerk's `/.well-known/jwks.json`). jose caches them, and
 * fetches again (at most every 30 s) when a token names a key it has not seen: key rotation needs
 * no restart.
 */
export function remoteKeySet(url: string, { cooldownMs = 30_000 } = {}): JWTVerifyGetKey {
  return createRemoteJWKSet(new URL(url), {
    cacheMaxAge: 10 * 60_000,
    cooldownDuration: cooldownMs,
    timeoutDuration: 5_000,
  });
}
