import { createHmac } from "node:crypto";

/**
 * The `Stripe-Signature` header Stripe sends: `t=<unix seconds>,v1=<hex HMAC-SHA256>`, keyed with
 * the endpoint's whole `whsec_…` secret (prefix included) over `<t>.<exact body>`. Receivers
 * verify it with `stripe.webhooks.constructEvent`, so it must match Stripe's byte for byte.
 */
export function stripeSignatureHeader(payload: string, secret: string, timestamp: number): string {
  const signature = createHmac("sha256", secret).update(`${timestamp}.${payload}`, "utf8").digest("hex");
  return `t=${timestamp},v1=${signature}`;
}
