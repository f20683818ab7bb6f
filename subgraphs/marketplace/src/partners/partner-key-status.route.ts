import { type RouteHandler, sendJson } from "@venta/kit";
import { bodyField, type InternalRouteGuard, internalRoute } from "../internal-route.js";
import type { PartnerKeysService } from "./partner-keys.service.js";

export const PARTNER_KEY_STATUS_PATH = "/internal/partner-keys/status";

export interface PartnerKeyStatusOptions extends InternalRouteGuard {
  partnerKeys: PartnerKeysService;
}

/**
 * `POST /internal/partner-keys/status` with `{ "keyId": "…" }`: communication asks, right before each
 * webhook delivery, whether the key that owns the subscription still opens anything. 200
 * `{ "live": true }` only for a key that exists and is not revoked; `{ "live": false }` otherwise
 * (an unknown id is no more live than a revoked one). Separate from the router's key verification:
 * this asks by id, which must never be enough to act as the partner.
 */
export function partnerKeyStatusRoute({ partnerKeys, identity, log }: PartnerKeyStatusOptions): RouteHandler {
  const route = { path: PARTNER_KEY_STATUS_PATH, identity, log, question: "a partner key status check" };
  return internalRoute(route, async (body, res) => {
    const keyId = bodyField(body, "keyId");
    if (typeof keyId !== "string" || keyId.length === 0 || keyId.length > 200) {
      sendJson(res, 400, { error: 'the body must be JSON: { "keyId": "…" }' });
      return;
    }
    sendJson(res, 200, { live: await partnerKeys.isLive(keyId) });
  });
}
