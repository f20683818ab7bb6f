import { type RouteHandler, sendJson } from "@venta/kit";
import { bodyField, type InternalRouteGuard, internalRoute } from "../internal-route.js";
import type { PartnerKeysService } from "./partner-keys.service.js";

export const PARTNER_KEY_VERIFICATION_PATH = "/internal/partner-keys/verify";

export interface PartnerKeyVerificationOptions extends InternalRouteGuard {
  partnerKeys: PartnerKeysService;
}

/**
 * `POST /internal/partner-keys/verify` with `{ "key": "vpk_…" }`: the router asks which partner an
 * `X-Api-Key` belongs to. 200 `{ keyId, name, scopes }` for a live key; 404 for an unknown, revoked
 * or malformed one (never saying which); 400 for a bad body. The caller must send an identity header
 * signed with the internal secret: a missing or forged one is a 401, before the body is even read.
 * Routers now ask `/internal/callers/verify` (src/callers), which covers the account too; this one
 * stays while routers of the previous release, mid-deploy, still call it.
 */
export function partnerKeyVerificationRoute({
  partnerKeys,
  identity,
  log,
}: PartnerKeyVerificationOptions): RouteHandler {
  const route = { path: PARTNER_KEY_VERIFICATION_PATH, identity, log, question: "a partner key check" };
  return internalRoute(route, async (body, res) => {
    const key = bodyField(body, "key");
    if (typeof key !== "string" || key.length === 0) {
      sendJson(res, 400, { error: 'the body must be JSON: { "key": "…" }' });
      return;
    }
    const partner = await partnerKeys.verify(key);
    if (!partner) {
      sendJson(res, 404, { error: "unknown or revoked key" });
      return;
    }
    sendJson(res, 200, { keyId: partner.keyId, name: partner.name, scopes: partner.scopes });
  });
}
