import type { DomainEvent } from "@venta/events";
import Stripe from "stripe";
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

/** Stripe's own default: a signed timestamp older than five minutes is refused (replay protection). */
export const STRIPE_TOLERANCE_SECONDS = 300;

/** `Stripe-Signature` checked by Stripe's library against the endpoint's secret. */
export function stripeVerifier(secret: string): WebhookVerifier {
  return (body, headers) => {
    let event: Stripe.Event;
    try {
      event = Stripe.webhooks.constructEvent(
        body,
        headerValue(headers, "stripe-signature") ?? "",
        secret,
        STRIPE_TOLERANCE_SECONDS,
      );
    } catch (error) {
      if (error instanceof Stripe.errors.StripeSignatureVerificationError)
        throw new UnverifiedWebhookError(error.message);
      // A body that is not JSON fails after the signature matched: still not an event we can keep.
      if (error instanceof SyntaxError) throw new UnverifiedWebhookError("the body is not JSON");
      throw error;
    }
    if (typeof event.id !== "string" || typeof event.type !== "string")
      throw new UnverifiedWebhookError("the event has no id or type");
    return { eventId: event.id, type: event.type };
  };
}

/**
 * Who bought from whom: the app puts these on the PaymentIntent's metadata (for Stripe Checkout,
 * on the Checkout Session's `metadata` or `payment_intent_data.metadata`). A payment without
 * them is not a purchase from a vendor (a plan payment, say) and is ignored.
 */
const purchaseMetadata = z.object({ userId: z.string().min(1), vendorId: z.string().min(1) });

const stripeEvent = z.object({
  id: z.string(),
  type: z.string(),
  created: z.number(),
  data: z.object({ object: z.record(z.string(), z.unknown()) }),
});

const paymentIntent = z.object({
  id: z.string().min(1),
  amount: z.number().int().nonnegative(),
  amount_received: z.number().int().nonnegative().nullish(),
  currency: z.string().length(3),
  metadata: z.record(z.string(), z.string()).nullish(),
});

const checkoutSession = z.object({
  id: z.string().min(1),
  mode: z.string(),
  payment_status: z.string(),
  payment_intent: z.union([z.string(), z.object({ id: z.string() })]).nullish(),
  amount_total: z.number().int().nonnegative().nullish(),
  currency: z.string().length(3).nullish(),
  metadata: z.record(z.string(), z.string()).nullish(),
});

const charge = z.object({
  id: z.string().min(1),
  amount: z.number().int().nonnegative(),
  amount_refunded: z.number().int().nonnegative(),
  refunded: z.boolean(),
  currency: z.string().length(3),
  payment_intent: z.union([z.string(), z.object({ id: z.string() })]).nullish(),
  metadata: z.record(z.string(), z.string()).nullish(),
});

function parsed<T>(schema: z.ZodType<T>, value: unknown, what: string): T {
  const result = schema.safeParse(value);
  if (!result.success)
    throw new PermanentWebhookError(`malformed ${what}: ${result.error.issues[0]?.message}`);
  return result.data;
}

const idOf = (ref: string | { id: string } | null | undefined) => (typeof ref === "string" ? ref : ref?.id);

/**
 * The purchase a payment announces. Its id is the PaymentIntent's, and so is the derived event
 * id: the PaymentIntent's success and its Checkout Session's completion announce it once.
 */
function purchase(
  purchaseId: string,
  metadata: Record<string, string> | null | undefined,
  amountMinor: number,
  currency: string,
  at: Date,
): DomainEvent | null {
  const who = purchaseMetadata.safeParse(metadata ?? {});
  if (!who.success) return null;
  return derivedEvent(
    `stripe:purchase:${purchaseId}`,
    "payment.purchase_completed",
    { purchaseId, ...who.data, amountMinor, currency: currency.toUpperCase(), at: at.toISOString() },
    at,
  );
}

const NOT_A_PURCHASE = "the payment carries no userId and vendorId metadata: not a purchase from a vendor";

/**
 * Payments become `payment.purchase_completed` (from `payment_intent.succeeded` or a paid
 * `checkout.session.completed`), refunds `payment.refunded` (from `charge.refunded`).
 */
export function stripeHandler(): WebhookHandler {
  return async (stored): Promise<HandledWebhook> => {
    const event = parsed(stripeEvent, parseBody(stored), "Stripe event");
    const at = new Date(event.created * 1000);
    const object = event.data.object;
    switch (event.type) {
      case "payment_intent.succeeded": {
        const intent = parsed(paymentIntent, object, "PaymentIntent");
        const announced = purchase(
          intent.id,
          intent.metadata,
          intent.amount_received ?? intent.amount,
          intent.currency,
          at,
        );
        return announced
          ? { status: "PROCESSED", events: [announced] }
          : { status: "IGNORED", reason: NOT_A_PURCHASE };
      }
      case "checkout.session.completed": {
        const session = parsed(checkoutSession, object, "Checkout Session");
        // A session paid later (bank debits) announces on `payment_intent.succeeded` instead.
        if (session.mode !== "payment" || session.payment_status !== "paid")
          return {
            status: "IGNORED",
            reason: `a ${session.mode} session, ${session.payment_status}: not a paid purchase`,
          };
        const announced = purchase(
          idOf(session.payment_intent) ?? session.id,
          session.metadata,
          session.amount_total ?? 0,
          session.currency ?? "usd",
          at,
        );
        return announced
          ? { status: "PROCESSED", events: [announced] }
          : { status: "IGNORED", reason: NOT_A_PURCHASE };
      }
      case "charge.refunded": {
        const refunded = parsed(charge, object, "Charge");
        const who = purchaseMetadata.partial().safeParse(refunded.metadata ?? {});
        const payload = {
          purchaseId: idOf(refunded.payment_intent) ?? refunded.id,
          ...(who.success ? who.data : {}),
          amountMinor: refunded.amount,
          amountRefundedMinor: refunded.amount_refunded,
          currency: refunded.currency.toUpperCase(),
          fullyRefunded: refunded.refunded,
          at: at.toISOString(),
        };
        // Each refund is its own Stripe event: the event's id tells refunds of one charge apart.
        return {
          status: "PROCESSED",
          events: [derivedEvent(`stripe:${event.id}`, "payment.refunded", payload, at)],
        };
      }
      default:
        return { status: "IGNORED", reason: `Venta does nothing with Stripe's ${event.type}` };
    }
  };
}
