import {
  anonymous,
  IDENTITY_HEADER,
  type InternalIdentity,
  type PartnerIdentity,
  PartnerScope,
} from "@venta/auth";
import { ErrorCode } from "@venta/kit";
import { GraphQLError } from "graphql";
import { z } from "zod";
import { keepAliveFetcher } from "../subgraph-fetcher.js";

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

/** The answer as marketplace must send it; anything else is treated as no answer. */
const callerAnswer = z.object({
  account: z.enum(["active", "missing", "deleted"]).nullable(),
  partner: z
    .object({
      keyId: z.string(),
      name: z.string(),
      scopes: z.array(z.enum(PartnerScope)),
    })
    .nullable(),
});

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
    // A body cut short by a restart, say, is as unavailable as no answer at all.
    const answer = callerAnswer.safeParse(await response.json().catch(() => undefined));
    if (!answer.success) throw callersUnavailable();
    return answer.data;
  };
}

export const callersUnavailable = () =>
  new GraphQLError("Sign-ins and API keys cannot be checked right now; try again shortly.", {
    extensions: { code: ErrorCode.ServiceUnavailable, http: { status: 503 } },
  });
