import { type Logger, type RouteHandler, readRawBody, sendJson } from "@venta/kit";
import type { InboundProvider } from "./inbound-event.record.js";
import { UnverifiedWebhookError, type WebhookVerifier } from "./inbound-provider.js";
import type { InboundWebhooksService } from "./inbound-webhooks.service.js";

/** Providers' events are small (Stripe's stay under 256 KB); anything far larger is not one. */
export const MAX_WEBHOOK_BYTES = 1_000_000;

/** Where each provider posts, and the variable that holds its secret. */
export const INBOUND_WEBHOOK_PATHS: Record<InboundProvider, { path: string; secretVar: string }> = {
  CLERK: { path: "/webhooks/clerk", secretVar: "CLERK_WEBHOOK_SECRET" },
  STRIPE: { path: "/webhooks/stripe", secretVar: "STRIPE_WEBHOOK_SECRET" },
  REVENUECAT: { path: "/webhooks/revenuecat", secretVar: "REVENUECAT_WEBHOOK_AUTH" },
};

export interface InboundWebhookRoutesOptions {
  /** Each provider's verifier; null when its secret is not configured. */
  verifiers: Record<InboundProvider, WebhookVerifier | null>;
  inbound: InboundWebhooksService;
  log: Logger;
}

/**
 * `POST /webhooks/<provider>`: verify first (a missing or bad signature is a 400 and nothing is
 * written), then store the event once and answer 200 at once; processing happens in the
 * background. A replayed event is a 200 that changes nothing. Without the provider's secret the
 * route answers 503: it never accepts what it cannot verify.
 */
export function inboundWebhookRoutes({
  verifiers,
  inbound,
  log,
}: InboundWebhookRoutesOptions): Record<string, RouteHandler> {
  const routes: Record<string, RouteHandler> = {};
  for (const [provider, { path, secretVar }] of Object.entries(INBOUND_WEBHOOK_PATHS) as [
    InboundProvider,
    { path: string; secretVar: string },
  ][]) {
    const verify = verifiers[provider];
    routes[path] = async (req, res) => {
      if (req.method !== "POST") {
        res.setHeader("allow", "POST");
        sendJson(res, 405, { error: "use POST" });
        return;
      }
      if (!verify) {
        sendJson(res, 503, {
          error: `${provider.toLowerCase()} webhooks are not configured on this server: set ${secretVar}`,
        });
        return;
      }
      const body = await readRawBody(req, MAX_WEBHOOK_BYTES);
      if (!body) {
        sendJson(res, 413, { error: `the body is larger than ${MAX_WEBHOOK_BYTES} bytes` });
        return;
      }
      let verified: ReturnType<WebhookVerifier>;
      try {
        verified = verify(body, req.headers);
      } catch (error) {
        if (!(error instanceof UnverifiedWebhookError)) throw error;
        log.warn({ provider, reason: error.message }, "refused an unverified webhook");
        sendJson(res, 400, { error: `webhook verification failed: ${error.message}` });
        return;
      }
      const { replay } = await inbound.receive(provider, verified, body);
      sendJson(res, 200, { received: true, replay });
    };
  }
  return routes;
}
