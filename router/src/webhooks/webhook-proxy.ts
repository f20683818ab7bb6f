import { request } from "node:http";
import { type Logger, type RouteHandler, readRawBody, sendJson } from "@venta/kit";

/**
 * The providers that post to us, as the communication subgraph's inbound webhook routes name them
 * (`/webhooks/<provider>`). Only these exact paths are forwarded: a prefix route would hand the
 * subgraph whatever else a caller put after `/webhooks/`, `%2e%2e/graphql` included.
 */
export const WEBHOOK_PROVIDERS = ["clerk", "stripe", "revenuecat"] as const;

/** Providers' events are small; the communication subgraph refuses anything past 1 MB too. */
export const MAX_WEBHOOK_BYTES = 1_000_000;

/**
 * The request headers that travel to the subgraph: what its signature checks read (Svix, Stripe,
 * RevenueCat's Authorization), and what describes the body. Nothing else, so a caller can never
 * slip in the router's own identity header.
 */
const FORWARDED_HEADERS = [
  "content-type",
  "user-agent",
  "x-request-id",
  "svix-id",
  "svix-timestamp",
  "svix-signature",
  "webhook-id",
  "webhook-timestamp",
  "webhook-signature",
  "stripe-signature",
  "authorization",
];

export interface WebhookProxyOptions {
  /** The communication subgraph's GraphQL URL; webhooks live beside it on the same origin. */
  communicationUrl: string;
  timeoutMs: number;
  log: Logger;
}

/**
 * `POST /webhooks/<provider>` for each provider: forwarded to the communication subgraph unchanged
 * (method, the exact body bytes the signatures cover, the signature headers), and its answer
 * relayed, so providers need only know the router's address. Verification is the subgraph's: the
 * router adds no trust.
 */
export function webhookRoutes(options: WebhookProxyOptions): Record<string, RouteHandler> {
  return Object.fromEntries(
    WEBHOOK_PROVIDERS.map((provider) => [`/webhooks/${provider}`, webhookProxy(provider, options)]),
  );
}

function webhookProxy(
  provider: (typeof WEBHOOK_PROVIDERS)[number],
  { communicationUrl, timeoutMs, log }: WebhookProxyOptions,
): RouteHandler {
  // Built from the provider's name alone: nothing the caller wrote in the path or query travels on.
  const target = new URL(`/webhooks/${provider}`, communicationUrl);
  return async (req, res) => {
    const body = await readRawBody(req, MAX_WEBHOOK_BYTES);
    if (!body) {
      sendJson(res, 413, { error: `the body is larger than ${MAX_WEBHOOK_BYTES} bytes` });
      return;
    }
    const headers: Record<string, string> = { "content-length": String(body.length) };
    for (const name of FORWARDED_HEADERS) {
      const value = req.headers[name];
      if (typeof value === "string") headers[name] = value;
    }
    await new Promise<void>((resolve) => {
      const upstream = request(
        target,
        { method: req.method ?? "POST", headers, signal: AbortSignal.timeout(timeoutMs) },
        (answer) => {
          const type = answer.headers["content-type"];
          res.writeHead(answer.statusCode ?? 502, {
            ...(type ? { "content-type": type } : {}),
            ...(answer.headers.allow ? { allow: answer.headers.allow } : {}),
            "x-content-type-options": "nosniff",
          });
          answer.pipe(res);
          answer.on("end", resolve);
          answer.on("error", () => {
            res.destroy();
            resolve();
          });
        },
      );
      upstream.on("error", (error) => {
        const timedOut = error.name === "AbortError" || error.name === "TimeoutError";
        log.warn({ err: error, provider }, "webhook could not be forwarded to communication");
        if (!res.headersSent)
          sendJson(res, timedOut ? 504 : 502, { error: "the webhook receiver is unavailable; retry later" });
        else res.destroy();
        resolve();
      });
      upstream.end(body);
    });
  };
}
