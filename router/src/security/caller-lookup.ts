import { anonymous, IDENTITY_HEADER, type InternalIdentity, type PartnerIdentity } from "@venta/auth";
import { ErrorCode } from "@venta/kit";
import { GraphQLError } from "graphql";

/** Marketplace's word on a person's account: only `deleted` is refused ("missing" has not signed up yet). */
export type AccountStatus = "active" | "missing" | "deleted";

/** What the router asks about a caller: the token's subject, the API key, or both. */
export interface CallerQuestion {
  userId?: string | undefined;
  key?: string | undefined;
}

export interface CallerAnswer {
  /** Null when no userId was asked about. */
  account: AccountStatus | null;
  /** Null for an unknown, revoked or malformed key, or when no key was asked about. */
  partner: PartnerIdentity | null;
}

/** One round trip to marketplace about everything a caller presented. */
export type CallerLookup = (question: CallerQuestion) => Promise<CallerAnswer>;

/**
 * Accounts and partner keys live in marketplace; the router asks its signed internal endpoint
 * (`/internal/callers/verify`), so a deleted account or a revoked key stops at once on every router
 * instance. The call carries the router's signed identity header: only the router can make it.
 * Throws SERVICE_UNAVAILABLE (503) when marketplace cannot answer.
 */
export function marketplaceCallers(
  marketplaceGraphqlUrl: string,
  identity: InternalIdentity,
  timeoutMs: number,
): CallerLookup {
  const url = new URL("/internal/callers/verify", marketplaceGraphqlUrl);
  return async ({ userId, key }) => {
    let response: Response;
    try {
      response = await fetch(url, {
        method: "POST",
        headers: { "content-type": "application/json", [IDENTITY_HEADER]: await identity.sign(anonymous) },
        body: JSON.stringify({ userId, key }),
        signal: AbortSignal.timeout(timeoutMs),
      });
    } catch {
      throw callersUnavailable();
    }
    if (!response.ok) {
      await response.body?.cancel();
      throw callersUnavailable();
    }
    try {
      return (await response.json()) as CallerAnswer;
    } catch {
      // A body cut short by a restart, say: as unavailable as no answer at all.
      throw callersUnavailable();
    }
  };
}

export const callersUnavailable = () =>
  new GraphQLError("Sign-ins and API keys cannot be checked right now; try again shortly.", {
    extensions: { code: ErrorCode.ServiceUnavailable, http: { status: 503 } },
  });
