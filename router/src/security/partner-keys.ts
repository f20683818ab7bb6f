import { anonymous, IDENTITY_HEADER, type InternalIdentity, type PartnerIdentity } from "@venta/auth";
import { ErrorCode } from "@venta/kit";
import { GraphQLError } from "graphql";

/** Looks a partner API key up; null for unknown or revoked keys. */
export type PartnerKeyVerifier = (key: string) => Promise<PartnerIdentity | null>;

/**
 * Partner keys live in marketplace (admins manage them through the API); the router asks its
 * internal endpoint on every keyed request, so a revoked key stops working at once. The call
 * carries the router's signed identity header: only the router can make it.
 */
export function marketplacePartnerKeys(
  marketplaceGraphqlUrl: string,
  identity: InternalIdentity,
  timeoutMs: number,
): PartnerKeyVerifier {
  const url = new URL("/internal/partner-keys/verify", marketplaceGraphqlUrl);
  return async (key) => {
    let response: Response;
    try {
      response = await fetch(url, {
        method: "POST",
        headers: { "content-type": "application/json", [IDENTITY_HEADER]: await identity.sign(anonymous) },
        body: JSON.stringify({ key }),
        signal: AbortSignal.timeout(timeoutMs),
      });
    } catch {
      throw unavailable();
    }
    if (response.status === 404) return null;
    if (!response.ok) throw unavailable();
    return (await response.json()) as PartnerIdentity;
  };
}

const unavailable = () =>
  new GraphQLError("API keys cannot be checked right now; try again shortly.", {
    extensions: { code: ErrorCode.ServiceUnavailable, http: { status: 503 } },
  });
