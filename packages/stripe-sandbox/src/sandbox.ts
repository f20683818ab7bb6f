import { listen } from "@venta/kit";
import { accountLinkRoutes, onboardingPages } from "./accounts/account-links.routes.js";
import { accountRoutes } from "./accounts/accounts.routes.js";
import { BackgroundWork } from "./background-work.js";
import { balanceTransactionRoutes } from "./balance-transactions/balance-transactions.routes.js";
import { chargeRoutes } from "./charges/charges.routes.js";
import { disputeRoutes } from "./disputes/disputes.routes.js";
import { EventLog } from "./events/event-log.js";
import { eventRoutes } from "./events/events.routes.js";
import { type DeliveryAttempt, WebhookDelivery, type WebhookEndpoint } from "./events/webhook-delivery.js";
import { createSandboxServer } from "./http/server.js";
import { paymentIntentRoutes } from "./payment-intents/payment-intents.routes.js";
import { paymentMethodRoutes } from "./payment-methods/payment-methods.routes.js";
import { refundRoutes } from "./refunds/refunds.routes.js";
import type { SandboxContext } from "./sandbox-context.js";
import { SandboxState } from "./state.js";

/** The API version stripe@23 pins: what events say they were rendered with, unless told otherwise. */
export const DEFAULT_API_VERSION = "2026-10-28.endive";

export interface StripeSandboxOptions {
  /** 0 (the default) takes a free port. */
  port?: number;
  host?: string;
  /** Where to deliver events; each receiver verifies them with its own `whsec_…` secret. */
  webhooks?: WebhookEndpoint[];
  apiVersion?: string;
  /** Waits before each redelivery of an event a receiver did not accept (default 0.5 s, 2 s, 8 s). */
  webhookRetryDelaysMs?: readonly number[];
  /** How long a receiver may take to answer one delivery (default 10 s). */
  webhookTimeoutMs?: number;
  /** How long after a `pm_card_createDispute` payment its dispute opens (default 1 s). */
  disputeDelayMs?: number;
  /** Each delivery attempt, for logs. */
  onDeliveryAttempt?: (attempt: DeliveryAttempt) => void;
  /** A fault in the sandbox itself (the caller got a 500); printed to stderr by default. */
  onUnexpectedError?: (error: unknown) => void;
}

export interface StripeSandbox {
  /** `http://127.0.0.1:<port>`: give its host and port to `new Stripe(key, { host, port, protocol: "http" })`. */
  url: string;
  port: number;
  /** Resolves once no webhook delivery (or retry) and no scheduled dispute is pending. */
  idle(): Promise<void>;
  /** Stops serving and drops pending deliveries; the data is gone with it. */
  close(): Promise<void>;
}

function checkEndpoint(endpoint: WebhookEndpoint): void {
  const url = URL.canParse(endpoint.url) ? new URL(endpoint.url) : undefined;
  if (!url || (url.protocol !== "http:" && url.protocol !== "https:"))
    throw new TypeError(`webhook url must be an http(s) URL: ${endpoint.url}`);
  if (!endpoint.secret.startsWith("whsec_"))
    throw new TypeError("webhook secret must be a Stripe signing secret (whsec_…)");
}

/**
 * Starts an in-memory stand-in for Stripe's test mode that the unmodified `stripe` SDK talks to:
 * PaymentIntents with Stripe's test cards, charges, refunds, Connect accounts and onboarding links,
 * balance transactions, and events delivered as signed webhooks. Each sandbox is its own account,
 * so tests that start their own never see each other's objects.
 */
export async function startStripeSandbox(options: StripeSandboxOptions = {}): Promise<StripeSandbox> {
  const webhooks = options.webhooks ?? [];
  for (const endpoint of webhooks) checkEndpoint(endpoint);
  const host = options.host ?? "127.0.0.1";
  const apiVersion = options.apiVersion ?? DEFAULT_API_VERSION;
  const onUnexpectedError =
    options.onUnexpectedError ?? ((error: unknown) => console.error("stripe sandbox:", error));
  const state = new SandboxState();
  const work = new BackgroundWork(onUnexpectedError);
  const delivery = new WebhookDelivery(webhooks, work, {
    retryDelaysMs: options.webhookRetryDelaysMs ?? [500, 2_000, 8_000],
    timeoutMs: options.webhookTimeoutMs ?? 10_000,
    ...(options.onDeliveryAttempt ? { onAttempt: options.onDeliveryAttempt } : {}),
  });
  let url = "";
  const context: SandboxContext = {
    state,
    events: new EventLog(state, delivery, apiVersion),
    work,
    baseUrl: () => url,
    disputeDelayMs: options.disputeDelayMs ?? 1_000,
  };
  const server = createSandboxServer({
    routes: [
      ...paymentIntentRoutes(context),
      ...chargeRoutes(context),
      ...refundRoutes(context),
      ...disputeRoutes(context),
      ...paymentMethodRoutes(context),
      ...accountRoutes(context),
      ...accountLinkRoutes(context),
      ...balanceTransactionRoutes(context),
      ...eventRoutes(context),
    ],
    pages: onboardingPages(context),
    apiVersion,
    onUnexpectedError,
  });
  const port = await listen(server, options.port ?? 0, host);
  url = `http://${host.includes(":") ? `[${host}]` : host}:${port}`;
  return {
    url,
    port,
    idle: () => work.idle(),
    close: async () => {
      work.stop();
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      // The SDK keeps connections alive between calls: without this, close waits for them to idle out.
      server.closeAllConnections();
      await closed;
    },
  };
}
