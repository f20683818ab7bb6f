import { envVar } from "@venta/kit";
import { isSvixSecret } from "./inbound/clerk.webhook.js";

/** The webhooks' variables, part of the communication subgraph's environment (src/config.ts). */
export const webhooksEnvShape = {
  /** Clerk's Svix signing secret (`whsec_…`). Unset: `/webhooks/clerk` answers 503. */
  CLERK_WEBHOOK_SECRET: envVar.checked(isSvixSecret, "a Svix signing secret: whsec_ and base64"),
  /** The Stripe endpoint's signing secret (`whsec_…`). Unset: `/webhooks/stripe` answers 503. */
  STRIPE_WEBHOOK_SECRET: envVar.checked((v) => v.startsWith("whsec_"), "a Stripe endpoint secret: whsec_…"),
  /** The `Authorization` value set on RevenueCat's dashboard. Unset: `/webhooks/revenuecat` answers 503. */
  REVENUECAT_WEBHOOK_AUTH: envVar.checked((v) => v.length >= 16, "at least 16 characters"),
  /** Processing attempts of a received event before it is FAILED (an admin may retry it). */
  WEBHOOK_INBOUND_MAX_ATTEMPTS: envVar.positiveInt(10),
  /** The pause after a received event's first failed processing; it doubles with each further one, up to an hour. */
  WEBHOOK_INBOUND_RETRY_BASE_MS: envVar.positiveInt(5_000),
  /**
   * Days a PROCESSED or IGNORED inbound event keeps its body (which may hold personal data); after
   * that only its provider, event id, type and status stay, enough to recognise a replay.
   */
  WEBHOOK_INBOUND_BODY_RETENTION_DAYS: envVar.positiveInt(7),
  /** Attempts of one delivery to a partner before it is FAILED. */
  WEBHOOK_DELIVERY_MAX_ATTEMPTS: envVar.positiveInt(8),
  /** The pause after a delivery's first failed attempt (1 minute); it grows fourfold with each further one. */
  WEBHOOK_DELIVERY_RETRY_BASE_MS: envVar.positiveInt(60_000),
  /** The longest pause between attempts of a delivery (12 hours). */
  WEBHOOK_DELIVERY_RETRY_MAX_MS: envVar.positiveInt(12 * 3_600_000),
  /** A partner endpoint that has not answered by then has failed the attempt. */
  WEBHOOK_DELIVERY_TIMEOUT_MS: envVar.positiveInt(10_000),
  /** Failed attempts in a row (across its deliveries) that disable a subscription. */
  WEBHOOK_DISABLE_AFTER_FAILURES: envVar.positiveInt(20),
  /**
   * Lets partner endpoints be on loopback and private networks (a receiver on this machine while
   * developing). Off by default everywhere; refused at start in production, where it would let any
   * partner key make Venta call its own internal services.
   */
  WEBHOOK_ALLOW_PRIVATE_TARGETS: envVar.flag(false),
  /**
   * Marketplace's GraphQL URL (as the router's variable of that name); its internal partner key
   * status route, next to it, is asked before every delivery. Default: 127.0.0.1 on MARKETPLACE_PORT.
   */
  MARKETPLACE_URL: envVar.url(),
  MARKETPLACE_PORT: envVar.port(4001),
  /** How often the webhook workers look for due work when nothing woke them. */
  WEBHOOK_POLL_MS: envVar.positiveInt(1_000),
};

/** Where marketplace's GraphQL endpoint is, so its internal routes can be found beside it. */
export const marketplaceUrl = (
  config: Pick<WebhooksConfig, "MARKETPLACE_URL" | "MARKETPLACE_PORT">,
): string => config.MARKETPLACE_URL ?? `http://127.0.0.1:${config.MARKETPLACE_PORT}/graphql`;

export interface WebhooksConfig {
  NODE_ENV: "development" | "production" | "test";
  CLERK_WEBHOOK_SECRET?: string | undefined;
  STRIPE_WEBHOOK_SECRET?: string | undefined;
  REVENUECAT_WEBHOOK_AUTH?: string | undefined;
  WEBHOOK_INBOUND_MAX_ATTEMPTS: number;
  WEBHOOK_INBOUND_RETRY_BASE_MS: number;
  WEBHOOK_INBOUND_BODY_RETENTION_DAYS: number;
  WEBHOOK_DELIVERY_MAX_ATTEMPTS: number;
  WEBHOOK_DELIVERY_RETRY_BASE_MS: number;
  WEBHOOK_DELIVERY_RETRY_MAX_MS: number;
  WEBHOOK_DELIVERY_TIMEOUT_MS: number;
  WEBHOOK_DISABLE_AFTER_FAILURES: number;
  WEBHOOK_ALLOW_PRIVATE_TARGETS: boolean;
  MARKETPLACE_URL?: string | undefined;
  MARKETPLACE_PORT: number;
  WEBHOOK_POLL_MS: number;
}
