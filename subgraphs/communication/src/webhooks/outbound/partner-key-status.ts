import { anonymous, IDENTITY_HEADER, type InternalIdentity } from "@venta/auth";

/**
 * Whether a partner key still opens anything; rejects when that cannot be told right now, and then
 * nothing is sent.
 */
export type PartnerKeyStatus = (keyId: string) => Promise<boolean>;

/** Marketplace's answer should come well within a delivery's own timeout. */
const STATUS_TIMEOUT_MS = 5_000;

/**
 * Asks marketplace, which owns partner keys, over its internal route signed with the shared
 * internal secret. Asked right before every delivery attempt rather than remembered: the
 * `partner_key_revoked` event reaches communication a moment after the revocation commits, and an
 * attempt in that moment would still go out. One small internal call per attempt is the price of
 * "stops at once"; while marketplace cannot answer, deliveries wait instead of going out unchecked.
 */
export function marketplacePartnerKeyStatus(
  marketplaceGraphqlUrl: string,
  identity: InternalIdentity,
): PartnerKeyStatus {
  const url = new URL("/internal/partner-keys/status", marketplaceGraphqlUrl);
  return async (keyId) => {
    const response = await fetch(url, {
      method: "POST",
      headers: { "content-type": "application/json", [IDENTITY_HEADER]: await identity.sign(anonymous) },
      body: JSON.stringify({ keyId }),
      signal: AbortSignal.timeout(STATUS_TIMEOUT_MS),
    });
    if (response.status !== 200)
      throw new Error(`marketplace answered ${response.status} on a partner key's status`);
    const body: unknown = await response.json();
    const live = typeof body === "object" && body !== null && "live" in body ? body.live : undefined;
    if (typeof live !== "boolean")
      throw new Error("marketplace's partner key status is not { live: boolean }");
    return live;
  };
}
