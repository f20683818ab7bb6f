import { IDENTITY_HEADER, type InternalIdentity } from "@venta/auth";
import { type Logger, type RouteHandler, readJsonBodyOrReply, sendJson } from "@venta/kit";
import type { PartnerKeysService } from "./partner-keys.service.js";

export const PARTNER_KEY_STATUS_PATH = "/internal/partner-keys/status";

export interface PartnerKeyStatusOptions {
  partnerKeys: PartnerKeysService;
  /** The internal identity: only a holder of its secret (another Venta service) may call the route. */
  identity: InternalIdentity;
  log: Logger;
}

/**
 * `POST /internal/partner-keys/status` with `{ "keyId": "…" }`: communication asks, right before each
 * webhook delivery, whether the key that owns the subscription still opens anything. 200
 * `{ "live": true }` only for a key that exists and is not revoked; `{ "live": false }` otherwise
 * (an unknown id is no more live than a revoked one). Separate from the router's key verification:
 * this asks by id, which must never be enough to act as the partner.
 */
export function partnerKeyStatusRoute({ partnerKeys, identity, log }: PartnerKeyStatusOptions): RouteHandler {
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
      log.warn(
        { path: PARTNER_KEY_STATUS_PATH },
        "refused a partner key status check with a forged identity",
      );
      sendJson(res, 401, { error: `the ${IDENTITY_HEADER} header is not valid` });
      return;
    }
    const read = await readJsonBodyOrReply(req, res);
    if (!read) return;
    const { body } = read;
    const keyId = typeof body === "object" && body !== null ? (body as { keyId?: unknown }).keyId : undefined;
    if (typeof keyId !== "string" || keyId.length === 0 || keyId.length > 200) {
      sendJson(res, 400, { error: 'the body must be JSON: { "keyId": "…" }' });
      return;
    }
    sendJson(res, 200, { live: await partnerKeys.isLive(keyId) });
  };
}
