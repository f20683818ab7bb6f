import { createServer, type IncomingMessage } from "node:http";
import type { AddressInfo } from "node:net";
import Stripe from "stripe";
import { type StripeSandbox, type StripeSandboxOptions, startStripeSandbox } from "./sandbox.js";

export const WEBHOOK_SECRET = "whsec_venta_sandbox_test_secret";
export const API_KEY = "sk_test_venta_marketplace";

async function bodyOf(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req as AsyncIterable<Buffer>) chunks.push(chunk);
  return Buffer.concat(chunks).toString("utf8");
}

/**
 * A real webhook endpoint on a free local port that checks every delivery with the SDK's own
 * `stripe.webhooks.constructEvent`, as a production receiver does: only verified events count.
 * `failNext(n)` answers the next n deliveries with a 500, to exercise redelivery.
 */
export async function startWebhookReceiver(secret: string) {
  const verifier = new Stripe(API_KEY);
  const events: Stripe.Event[] = [];
  const refused: string[] = [];
  let failures = 0;
  let deliveries = 0;
  const server = createServer((req, res) => {
    void bodyOf(req).then((raw) => {
      deliveries += 1;
      if (failures > 0) {
        failures -= 1;
        res.writeHead(500).end();
        return;
      }
      try {
        events.push(verifier.webhooks.constructEvent(raw, req.headers["stripe-signature"] ?? "", secret));
        res.writeHead(200, { "content-type": "application/json" }).end('{"received":true}');
      } catch (error) {
        refused.push((error as Error).message);
        res.writeHead(400).end();
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", () => resolve()));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/webhooks/stripe`,
    events,
    refused,
    deliveries: () => deliveries,
    failNext: (times: number) => {
      failures = times;
    },
    /** The verified events of one type, in the order they arrived. */
    ofType: (type: string) => events.filter((event) => event.type === type),
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

export type WebhookReceiver = Awaited<ReturnType<typeof startWebhookReceiver>>;

/** The official SDK pointed at a sandbox, as the payments subgraph will configure it locally. */
export function stripeClient(sandbox: StripeSandbox, apiKey = API_KEY): Stripe {
  return new Stripe(apiKey, {
    host: "127.0.0.1",
    port: sandbox.port,
    protocol: "http",
    maxNetworkRetries: 0,
  });
}

/** A sandbox delivering to a verifying receiver, with fast retries and disputes, and a client. */
export async function startSandboxWithReceiver(options: StripeSandboxOptions = {}) {
  const receiver = await startWebhookReceiver(WEBHOOK_SECRET);
  const sandbox = await startStripeSandbox({
    webhooks: [{ url: receiver.url, secret: WEBHOOK_SECRET }],
    webhookRetryDelaysMs: [20, 40, 80],
    disputeDelayMs: 30,
    ...options,
  });
  return {
    sandbox,
    receiver,
    stripe: stripeClient(sandbox),
    close: async () => {
      await sandbox.close();
      await receiver.close();
    },
  };
}

/** A connected account that has finished onboarding through its account link, as a vendor would. */
export async function onboardedAccount(stripe: Stripe, email = "vendor@venta.test"): Promise<Stripe.Account> {
  const account = await stripe.accounts.create({ type: "express", country: "US", email });
  const link = await stripe.accountLinks.create({
    account: account.id,
    type: "account_onboarding",
    refresh_url: "https://venta.test/onboarding/refresh",
    return_url: "https://venta.test/onboarding/done",
  });
  const visit = await fetch(link.url, { redirect: "manual" });
  if (visit.status !== 302) throw new Error(`onboarding link answered ${visit.status}`);
  return stripe.accounts.retrieve(account.id);
}

/** A card payment that needs no redirect, confirmed at once, as a server-side checkout makes it. */
export function cardPayment(
  stripe: Stripe,
  paymentMethod: string,
  extra: Partial<Stripe.PaymentIntentCreateParams> = {},
): Promise<Stripe.PaymentIntent> {
  return stripe.paymentIntents.create({
    amount: 2000,
    currency: "usd",
    automatic_payment_methods: { enabled: true, allow_redirects: "never" },
    payment_method: paymentMethod,
    confirm: true,
    ...extra,
  });
}
