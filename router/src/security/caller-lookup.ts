import {
  anonymous,
  IDENTITY_HEADER,
  type InternalIdentity,
  type PartnerIdentity,
  partnerIdentityFrom,
} from "@venta/auth";
import { ErrorCode } from "@venta/kit";
import { GraphQLError } from "graphql";
import { keepAliveFetcher } from "../subgraph-fetcher.js";

const ACCOUNT_STATUSES = ["active", "missing", "deleted"] as const;
/** Marketplace's word on a person's account: only `deleted` is refused ("missing" has not signed up yet). */
export type AccountStatus = (typeof ACCOUNT_STATUSES)[number];

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
  const url = new URL("/internal/callers/verify", marketplaceGraphqlUrl).toString();
  // Every signed-in request waits for this answer: the pooled node:http fetcher the gateway uses
  // saves about a millisecond a call over the WHATWG fetch.
  const fetcher = keepAliveFetcher(timeoutMs);
  return async ({ userId, key }) => {
    let response: Awaited<ReturnType<typeof fetcher>>;
    try {
      response = await fetcher(url, {
        method: "POST",
        headers: { "content-type": "application/json", [IDENTITY_HEADER]: await identity.sign(anonymous) },
        body: JSON.stringify({ userId, key }),
      });
    } catch {
      throw callersUnavailable();
    }
    if (!response.ok) throw callersUnavailable();
    // A body cut short by a restart, say, or of another shape: as unavailable as no answer at all.
    const answer = callerAnswer(await response.json().catch(() => null));
    if (!answer) throw callersUnavailable();
    return answer;
  };
}

/**
 * Marketplace's answer, or null when it is not `{ account, partner }` as the route promises: what
 * reaches the viewer must be an account status and a partner identity, never whatever was sent.
 */
function callerAnswer(body: unknown): CallerAnswer | null {
  if (typeof body !== "object" || body === null || !("account" in body) || !("partner" in body)) return null;
  const account = body.account === null ? null : ACCOUNT_STATUSES.find((status) => status === body.account);
  const partner = body.partner === null ? null : partnerIdentityFrom(body.partner);
  if (account === undefined || (body.partner !== null && partner === null)) return null;
  return { account, partner };
}

export const callersUnavailable = () =>
  new GraphQLError("Sign-ins and API keys cannot be checked right now; try again shortly.", {
    extensions: { code: ErrorCode.ServiceUnavailable, http: { status: 503 } },
  });
