export { authChecker } from "./auth-checker.js";
export { forbidden, unauthenticated } from "./auth-errors.js";
export { type DeletedAccounts, RedisDeletedAccounts } from "./deleted-accounts.js";
export { DEV_AUDIENCE, DEV_ISSUER, DevIssuer, type DevTokenClaims } from "./dev-issuer.js";
export { ExpiringCache } from "./expiring-cache.js";
export { IDENTITY_HEADER, InternalIdentity, internalSecret } from "./internal-identity.js";
export { remoteKeySet } from "./key-sets.js";
export { PARTNER_SCOPES, PartnerScope, PERSON_ROLES, ROLES, Role } from "./roles.js";
export {
  CLOCK_SKEW_SECONDS,
  createTokenVerifier,
  type TokenVerifier,
  type TokenVerifierOptions,
} from "./token-verifier.js";
export {
  anonymous,
  hasRole,
  hasScope,
  isAdmin,
  type PartnerIdentity,
  partnerIdentityFrom,
  partnerViewer,
  personViewer,
  type Viewer,
} from "./viewer.js";
