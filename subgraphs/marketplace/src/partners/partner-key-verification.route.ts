import { IDENTITY_HEADER, type InternalIdentity } from "@venta/auth";
import { type Logger, type RouteHandler, readJsonBodyOrReply, sendJson } from "@venta/kit";
import type { PartnerKeysService } from "./partner-keys.service.js";

export const PARTNER_KEY_VERIFICATION_PATH = "/internal/partner-keys/verify";

export interface PartnerKeyVerificationOptions {
  partnerKeys: PartnerKeysService;
  /** The router-to-subgraph identity: only a holder of its secret (the router) may call the route. */
  identity: InternalIdentity;
  log: Logger;
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
  return async (req, res) => {
    if (req.method !== "POST") {
      res.setHeader("allow", "POST");
      sendJson(res, 405, { error: "use POST" });
      return;
    }
    const header = req.headers[IDENTITY_HEADER];
    if (typeof header !== "string" || header === "") {
      sendJson(res, 401, { error: `the ${IDENTITY_HEADER} header is required` });
      return;
    }
    try {
      await identity.verify(header);
    } catch {
      log.warn({ path: PARTNER_KEY_VERIFICATION_PATH }, "refused a partner key check with a forged identity");
      sendJson(res, 401, { error: `the ${IDENTITY_HEADER} header is not valid` });
      return;
    }
    const read = await readJsonBodyOrReply(req, res);
    if (!read) return;
    const { body } = read;
    const key = typeof body === "object" && body !== null ? (body as { key?: unknown }).key : undefined;
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
  };
}
