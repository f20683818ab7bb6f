import type { EventBus } from "@venta/events";
import { ConfigError, type Logger, type RouteHandler, watchWebhookQueue } from "@venta/kit";
import { clerkHandler, clerkVerifier, type IdentityContacts } from "./inbound/clerk.webhook.js";
import type { InboundEventsStore } from "./inbound/inbound-events.store.js";
import { startInboundProcessing } from "./inbound/inbound-processing.js";
import { inboundWebhookRoutes } from "./inbound/inbound-webhook.route.js";
import { InboundWebhooksService } from "./inbound/inbound-webhooks.service.js";
import { revenueCatHandler, revenueCatVerifier } from "./inbound/revenuecat.webhook.js";
import { stripeHandler, stripeVerifier } from "./inbound/stripe.webhook.js";
import { followPartnerKeyRevocations } from "./outbound/partner-key-revocations.js";
import type { PartnerKeyStatus } from "./outbound/partner-key-status.js";
import type { WebhookDeliveriesStore } from "./outbound/webhook-deliveries.store.js";
import { startWebhookDispatch } from "./outbound/webhook-dispatch.js";
import { startWebhookFanOut } from "./outbound/webhook-fan-out.js";
import { WebhookSubscriptionsService } from "./outbound/webhook-subscriptions.service.js";
import type { WebhookSubscriptionsStore } from "./outbound/webhook-subscriptions.store.js";
import { type EndpointPolicy, type ResolveHost, systemResolveHost } from "./outbound/webhook-url.js";
import type { WebhooksConfig } from "./webhooks.config.js";

export interface WebhookStores {
  inboundWebhooks: InboundEventsStore;
  webhookSubscriptions: WebhookSubscriptionsStore;
  webhookDeliveries: WebhookDeliveriesStore;
}

/** Inbound and outbound webhooks, for resolvers and routes. */
export interface WebhookServices {
  inbound: InboundWebhooksService;
  inboundEvents: InboundEventsStore;
  subscriptions: WebhookSubscriptionsService;
  /** Where partner endpoints may be: the same policy for subscriptions and every delivery. */
  endpoints: EndpointPolicy;
  webhookSubscriptions: WebhookSubscriptionsStore;
  webhookDeliveries: WebhookDeliveriesStore;
  /** Deliveries were queued outside the fan-out (a retry): send them now, not at the next poll. */
  deliveriesQueued(): void;
  /** Calls `listener` on {@link deliveriesQueued}; returns the unsubscribe. */
  onDeliveriesQueued(listener: () => void): () => void;
}

/**
 * Where partner endpoints may be. Production requires https: a delivery's body is signed but not
 * secret, and it crosses the internet. Private targets are an explicit development setting, and
 * a production process with it set does not start.
 */
export function endpointPolicy(
  config: Pick<WebhooksConfig, "NODE_ENV" | "WEBHOOK_ALLOW_PRIVATE_TARGETS">,
  resolve: ResolveHost = systemResolveHost,
): EndpointPolicy {
  if (config.NODE_ENV === "production" && config.WEBHOOK_ALLOW_PRIVATE_TARGETS)
    throw new ConfigError(
      "Invalid environment:\n  WEBHOOK_ALLOW_PRIVATE_TARGETS: must not be set in production (partners could make Venta call its internal network)",
    );
  return {
    requireHttps: config.NODE_ENV === "production",
    allowPrivateTargets: config.WEBHOOK_ALLOW_PRIVATE_TARGETS,
    resolve,
  };
}

export function webhookServices(
  stores: WebhookStores,
  config: Pick<WebhooksConfig, "NODE_ENV" | "WEBHOOK_ALLOW_PRIVATE_TARGETS">,
  now: () => Date = () => new Date(),
  resolve: ResolveHost = systemResolveHost,
): WebhookServices {
  const listeners = new Set<() => void>();
  const endpoints = endpointPolicy(config, resolve);
  return {
    inbound: new InboundWebhooksService(stores.inboundWebhooks, now),
    inboundEvents: stores.inboundWebhooks,
    subscriptions: new WebhookSubscriptionsService(
      stores.webhookSubscriptions,
      stores.webhookDeliveries,
      endpoints,
      now,
    ),
    endpoints,
    webhookSubscriptions: stores.webhookSubscriptions,
    webhookDeliveries: stores.webhookDeliveries,
    deliveriesQueued: () => {
      for (const listener of listeners) listener();
    },
    onDeliveriesQueued: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

/** The HTTP routes providers post to: `/webhooks/clerk`, `/webhooks/stripe`, `/webhooks/revenuecat`. */
export function webhookRoutes(
  webhooks: WebhookServices,
  config: WebhooksConfig,
  log: Logger,
): Record<string, RouteHandler> {
  return inboundWebhookRoutes({
    verifiers: {
      CLERK: config.CLERK_WEBHOOK_SECRET ? clerkVerifier(config.CLERK_WEBHOOK_SECRET) : null,
      STRIPE: config.STRIPE_WEBHOOK_SECRET ? stripeVerifier(config.STRIPE_WEBHOOK_SECRET) : null,
      REVENUECAT: config.REVENUECAT_WEBHOOK_AUTH ? revenueCatVerifier(config.REVENUECAT_WEBHOOK_AUTH) : null,
    },
    inbound: webhooks.inbound,
    log,
  });
}

export interface WebhookWorkersOptions {
  webhooks: WebhookServices;
  /** Whether a partner key is still live, asked before every delivery attempt. */
  partnerKeys: PartnerKeyStatus;
  contacts: IdentityContacts;
  bus: EventBus;
  config: WebhooksConfig;
  log: Logger;
  now?: () => Date;
}

export interface WebhookWorkers {
  stop(): Promise<void>;
}

/**
 * The background side: processing received events, turning domain events into deliveries, sending
 * those, and stopping a revoked partner key's webhooks. Everything waiting is in the store, so a restart picks it up.
 */
export function startWebhookWorkers({
  webhooks,
  partnerKeys,
  contacts,
  bus,
  config,
  log,
  now,
}: WebhookWorkersOptions): WebhookWorkers {
  const processing = startInboundProcessing({
    store: webhooks.inboundEvents,
    inbound: webhooks.inbound,
    handlers: { CLERK: clerkHandler(contacts), STRIPE: stripeHandler(), REVENUECAT: revenueCatHandler() },
    maxAttempts: config.WEBHOOK_INBOUND_MAX_ATTEMPTS,
    backoff: { baseMs: config.WEBHOOK_INBOUND_RETRY_BASE_MS, factor: 2, maxMs: 3_600_000, jitter: 0.2 },
    bodyRetentionMs: config.WEBHOOK_INBOUND_BODY_RETENTION_DAYS * 86_400_000,
    pollMs: config.WEBHOOK_POLL_MS,
    log,
    ...(now ? { now } : {}),
  });
  const dispatch = startWebhookDispatch({
    subscriptions: webhooks.webhookSubscriptions,
    deliveries: webhooks.webhookDeliveries,
    policy: {
      maxAttempts: config.WEBHOOK_DELIVERY_MAX_ATTEMPTS,
      backoff: {
        baseMs: config.WEBHOOK_DELIVERY_RETRY_BASE_MS,
        factor: 4,
        maxMs: config.WEBHOOK_DELIVERY_RETRY_MAX_MS,
        jitter: 0.2,
      },
      disableAfter: config.WEBHOOK_DISABLE_AFTER_FAILURES,
      send: { timeoutMs: config.WEBHOOK_DELIVERY_TIMEOUT_MS, endpoints: webhooks.endpoints },
    },
    partnerKeys,
    pollMs: config.WEBHOOK_POLL_MS,
    log,
    ...(now ? { now } : {}),
  });
  const revocations = followPartnerKeyRevocations({
    bus,
    subscriptions: webhooks.webhookSubscriptions,
    deliveries: webhooks.webhookDeliveries,
    log,
    ...(now ? { now } : {}),
  });
  const unsubscribe = webhooks.onDeliveriesQueued(() => dispatch.wake());
  const stopWatching = watchWebhookQueue(
    async () => (await webhooks.webhookDeliveries.list({ first: 1, status: "PENDING" })).totalCount,
  );
  const fanOut = startWebhookFanOut({
    bus,
    subscriptions: webhooks.webhookSubscriptions,
    deliveries: webhooks.webhookDeliveries,
    onEnqueued: () => dispatch.wake(),
    log,
    ...(now ? { now } : {}),
  });
  return {
    async stop() {
      unsubscribe();
      stopWatching();
      await Promise.all([fanOut.stop(), revocations.stop()]);
      await Promise.all([processing.stop(), dispatch.stop()]);
    },
  };
}
