import {
  createTokenVerifier,
  DevIssuer,
  type InternalIdentity,
  RedisDeletedAccounts,
  remoteKeySet,
  type TokenVerifier,
} from "@venta/auth";
import type { Logger } from "@venta/kit";
import { introspectionForAnyone, type RouterConfig, trustedProxyHops, usesDevIssuer } from "../config.js";
import { openRateLimiter } from "../limits/open-rate-limiter.js";
import { mapOperations } from "../pages/map-page.js";
import {
  type AccountCheck,
  accountCheck,
  type CallerIdentity,
  callerIdentity,
  deletionFromMarketplace,
} from "./caller-identity.js";
import { marketplaceCallers } from "./caller-lookup.js";
import type { OperationPolicyOptions } from "./operation-policy.js";
import type { QueryLimits } from "./query-limits.js";
import { RateLimits } from "./rate-limits.js";
import { rememberedCallers, rememberedDeletions } from "./remembered-callers.js";
import { TrustedDocuments } from "./trusted-documents.js";

/** Everything the router needs to know who is calling and what they may run. */
export interface RouterSecurity {
  identify: CallerIdentity;
  /** Releases the connections the checks hold (the rate limiter's and deletion records' Redis). */
  close(): Promise<void>;
  /** Whether an identified person's account still stands (checked again on long-lived sockets). */
  accountStands: AccountCheck;
  /** Signs the verified caller for the subgraphs. */
  internalIdentity: InternalIdentity;
  rateLimits: RateLimits;
  /** How many proxies in front of the router append to `X-Forwarded-For`: see `clientAddress`. */
  trustedProxyHops: number;
  limits: QueryLimits;
  policy: OperationPolicyOptions;
  /** Only in development without a real identity provider: its public keys are served. */
  devIssuer: DevIssuer | null;
}

/**
 * A remembered entry is two short strings: 10k of each costs a few megabytes at most. A minute is
 * long enough that a flood of one bad key costs marketplace a lookup a minute per router.
 */
const CALLER_MEMORY = { maxEntries: 10_000, unknownKeyMs: 60_000 };

export async function routerSecurity(
  config: RouterConfig,
  internalIdentity: InternalIdentity,
  marketplaceUrl: string,
  log: Logger,
): Promise<RouterSecurity> {
  const devIssuer = usesDevIssuer(config) ? await DevIssuer.open(config.DATA_DIR) : null;
  const verifyToken: TokenVerifier = createTokenVerifier({
    keys: devIssuer ? devIssuer.keySet() : remoteKeySet(config.AUTH_JWKS_URL as string),
    issuer: config.AUTH_ISSUER,
    audience: config.AUTH_AUDIENCE,
    authorizedParties: config.AUTH_AUTHORIZED_PARTIES,
  });
  const callers = rememberedCallers(
    marketplaceCallers(marketplaceUrl, internalIdentity, config.SUBGRAPH_TIMEOUT_MS),
    CALLER_MEMORY,
  );
  // With Redis, marketplace records each deletion there before answering: a token alone then costs
  // no call into marketplace. Without it (one machine, embedded stores), marketplace is asked.
  const deletedAccounts = config.REDIS_URL ? new RedisDeletedAccounts(config.REDIS_URL) : null;
  const isDeleted = deletedAccounts
    ? rememberedDeletions((userId) => deletedAccounts.has(userId), CALLER_MEMORY.maxEntries)
    : deletionFromMarketplace(callers);
  const requireTrusted = config.TRUSTED_DOCUMENTS === "require";
  const rateLimits = new RateLimits(
    openRateLimiter({ redisUrl: config.REDIS_URL, windowMs: config.RATE_LIMIT_WINDOW_MS, log }),
    {
      anonymous: config.RATE_LIMIT_ANONYMOUS,
      user: config.RATE_LIMIT_USER,
      partner: config.RATE_LIMIT_PARTNER,
    },
    log,
  );
  return {
    identify: callerIdentity(verifyToken, callers, isDeleted, log),
    accountStands: accountCheck(isDeleted, log),
    internalIdentity,
    rateLimits,
    close: async () => {
      await rateLimits.close();
      await deletedAccounts?.close();
    },
    trustedProxyHops: trustedProxyHops(config),
    limits: {
      maxDepth: config.MAX_DEPTH,
      maxAliases: config.MAX_ALIASES,
      maxDirectives: config.MAX_DIRECTIVES,
      maxTokens: config.MAX_TOKENS,
      maxCost: config.MAX_COST,
      maxQueryChars: config.MAX_QUERY_CHARS,
      maxListItems: config.MAX_LIST_ITEMS,
    },
    policy: {
      // Without `require` the manifest still lets apps send hashes only; a missing file is then fine.
      // The apps' manifest, plus the router's own live map page.
      trusted: (requireTrusted
        ? TrustedDocuments.load(config.TRUSTED_DOCUMENTS_PATH)
        : TrustedDocuments.loadIfPresent(config.TRUSTED_DOCUMENTS_PATH)
      ).with(Object.values(mapOperations())),
      requireTrusted,
      introspectionForAnyone: introspectionForAnyone(config),
    },
    devIssuer,
  };
}
