import { errors, type JWTPayload, type JWTVerifyGetKey, jwtVerify } from "jose";
import { unauthenticated } from "./auth-errors.js";
import { ExpiringCache } from "./expiring-cache.js";
import { PERSON_ROLES, Role } from "./roles.js";
import { personViewer, type Viewer } from "./viewer.js";

/** Clocks of the identity provider and ours may disagree by this much. */
export const CLOCK_SKEW_SECONDS = 5;

const ALGORITHMS = ["RS256", "ES256", "EdDSA"];

export interface TokenVerifierOptions {
  /** Where signing keys come from: a remote JWKS (`remoteKeySet`) or the local issuer's. */
  keys: JWTVerifyGetKey;
  issuer: string;
  audience: string;
  /**
   * Origins allowed to have requested the token (Clerk's `azp`). When given, a token must name one
   * of them, so a token minted for another site cannot be replayed here.
   */
  authorizedParties?: readonly string[];
  /** How many verified tokens to remember (until they expire, at most 5 minutes). */
  cacheSize?: number;
}

const CACHE_MS = 5 * 60_000;

/** Verifies a bearer token and returns the person it identifies; anything wrong is UNAUTHENTICATED. */
export type TokenVerifier = (token: string) => Promise<Viewer>;

export function createTokenVerifier(options: TokenVerifierOptions): TokenVerifier {
  const parties = options.authorizedParties?.length ? new Set(options.authorizedParties) : null;
  // An app sends the same token with every request until it expires: check its signature once.
  const verified = new ExpiringCache<Viewer>(options.cacheSize ?? 10_000);
  return async (token) => {
    const known = verified.get(token);
    if (known) return known;
    let payload: JWTPayload;
    try {
      ({ payload } = await jwtVerify(token, options.keys, {
        issuer: options.issuer,
        audience: options.audience,
        algorithms: ALGORITHMS,
        clockTolerance: CLOCK_SKEW_SECONDS,
        requiredClaims: ["sub", "exp"],
      }));
    } catch (error) {
      throw unauthenticated(reasonFor(error), 401);
    }
    if (parties && !(typeof payload.azp === "string" && parties.has(payload.azp))) {
      throw unauthenticated("the token was issued to another application", 401);
    }
    const viewer = personViewer(payload.sub as string, rolesFrom(payload));
    verified.set(token, viewer, Math.min((payload.exp as number) * 1000, Date.now() + CACHE_MS));
    return viewer;
  };
}

/** Roles from a `roles` array or a single `role` claim; a token without any is a customer's. */
function rolesFrom(payload: JWTPayload): Role[] {
  const claimed = Array.isArray(payload.roles) ? payload.roles : [payload.role];
  const roles = claimed
    .map((role) => (typeof role === "string" ? role.toUpperCase() : ""))
    .filter((role): role is Role => (PERSON_ROLES as readonly string[]).includes(role));
  return roles.length > 0 ? [...new Set(roles)] : [Role.Customer];
}

/** Tells the caller what to fix without revealing anything about our keys. */
function reasonFor(error: unknown): string {
  if (error instanceof errors.JWTExpired) return "the token has expired; sign in again";
  if (error instanceof errors.JWTClaimValidationFailed) {
    if (error.claim === "iss") return "the token was issued by an unknown issuer";
    if (error.claim === "aud") return "the token is not meant for this API";
    if (error.claim === "nbf") return "the token is not valid yet";
    return `the token's ${error.claim} claim is invalid`;
  }
  if (error instanceof errors.JWKSNoMatchingKey || error instanceof errors.JWSSignatureVerificationFailed) {
    return "the token's signature is not valid";
  }
  if (error instanceof errors.JWKSTimeout) return "the token could not be checked; retry";
  if (error instanceof errors.JOSEError) return "the token is malformed";
  return "the token is not valid";
}
