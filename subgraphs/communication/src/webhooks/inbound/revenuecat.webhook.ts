import { createHash, timingSafeEqual } from "node:crypto";
import type { SubscriptionChanged } from "@venta/events";
import { z } from "zod";
import {
  derivedEvent,
  type HandledWebhook,
  headerValue,
  PermanentWebhookError,
  parseBody,
  UnverifiedWebhookError,
  type WebhookHandler,
  type WebhookVerifier,
} from "./inbound-provider.js";

const sha256 = (text: string) => createHash("sha256").update(text, "utf8").digest();

const revenueCatEnvelope = z.object({
  event: z.object({ id: z.string().min(1), type: z.string().min(1) }).passthrough(),
});

/**
 * RevenueCat sends the `Authorization` value configured on its dashboard, verbatim. It is compared
 * in constant time (over digests, so even its length leaks nothing).
 */
export function revenueCatVerifier(expectedAuthorization: string): WebhookVerifier {
  const expected = sha256(expectedAuthorization);
  return (body, headers) => {
    const given = headerValue(headers, "authorization");
    if (given === undefined || !timingSafeEqual(sha256(given), expected))
      throw new UnverifiedWebhookError("the Authorization header does not match");
    let json: unknown;
    try {
      json = JSON.parse(body.toString("utf8"));
    } catch {
      throw new UnverifiedWebhookError("the body is not JSON");
    }
    const envelope = revenueCatEnvelope.safeParse(json);
    if (!envelope.success) throw new UnverifiedWebhookError("not a RevenueCat event: no event id or type");
    return { eventId: envelope.data.event.id, type: envelope.data.event.type };
  };
}

/** RevenueCat's subscription lifecycle types, as the change they make to a vendor's plan. */
const CHANGES: Record<string, SubscriptionChanged["change"]> = {
  INITIAL_PURCHASE: "STARTED",
  RENEWAL: "RENEWED",
  CANCELLATION: "CANCELLED",
  UNCANCELLATION: "UNCANCELLED",
  EXPIRATION: "EXPIRED",
  PRODUCT_CHANGE: "PRODUCT_CHANGED",
  BILLING_ISSUE: "BILLING_ISSUE",
  SUBSCRIPTION_PAUSED: "PAUSED",
  SUBSCRIPTION_EXTENDED: "EXTENDED",
};

const subscriptionEvent = z.object({
  id: z.string().min(1),
  type: z.string(),
  app_user_id: z.string().min(1),
  product_id: z.string().min(1),
  new_product_id: z.string().min(1).nullish(),
  entitlement_ids: z.array(z.string()).nullish(),
  period_type: z.string().nullish(),
  original_transaction_id: z.string().min(1).nullish(),
  expiration_at_ms: z.number().nullish(),
  event_timestamp_ms: z.number(),
  environment: z.enum(["PRODUCTION", "SANDBOX"]),
});

/**
 * Vendor plans bought in the vendor app become `payment.subscription_changed`. The app logs in to
 * RevenueCat with the vendor's id as the app user id, so `app_user_id` names the vendor; anonymous
 * RevenueCat users (`$RCAnonymousID:…`) have no vendor yet and are ignored.
 */
export function revenueCatHandler(): WebhookHandler {
  return async (stored): Promise<HandledWebhook> => {
    const envelope = revenueCatEnvelope.safeParse(parseBody(stored));
    if (!envelope.success) throw new PermanentWebhookError("not a RevenueCat event");
    const change = CHANGES[envelope.data.event.type];
    if (!change)
      return {
        status: "IGNORED",
        reason: `Venta does nothing with RevenueCat's ${envelope.data.event.type}`,
      };
    const parsed = subscriptionEvent.safeParse(envelope.data.event);
    if (!parsed.success)
      throw new PermanentWebhookError(
        `malformed ${envelope.data.event.type}: ${parsed.error.issues[0]?.message}`,
      );
    const e = parsed.data;
    if (e.app_user_id.startsWith("$RCAnonymousID:"))
      return { status: "IGNORED", reason: "an anonymous RevenueCat user: no vendor to give the plan to" };
    const at = new Date(e.event_timestamp_ms);
    const payload: SubscriptionChanged = {
      vendorId: e.app_user_id,
      subscriptionId: e.original_transaction_id ?? `${e.app_user_id}:${e.product_id}`,
      provider: "REVENUECAT",
      change,
      productId: e.product_id,
      ...(e.new_product_id ? { newProductId: e.new_product_id } : {}),
      entitlementIds: e.entitlement_ids ?? [],
      ...(e.period_type ? { periodType: e.period_type } : {}),
      expiresAt: e.expiration_at_ms == null ? null : new Date(e.expiration_at_ms).toISOString(),
      environment: e.environment,
      at: at.toISOString(),
    };
    return {
      status: "PROCESSED",
      events: [derivedEvent(`revenuecat:${e.id}`, "payment.subscription_changed", payload, at)],
    };
  };
}
