import { cardFingerprint, newId, unixSeconds } from "../api/ids.js";
import type { TestCard } from "./test-cards.js";

export interface CardDetails {
  brand: string;
  checks: { address_line1_check: null; address_postal_code_check: null; cvc_check: "pass" };
  country: string;
  display_brand: string;
  exp_month: number;
  exp_year: number;
  fingerprint: string;
  funding: string;
  last4: string;
  networks: { available: string[]; preferred: null };
  three_d_secure_usage: { supported: boolean };
  wallet: null;
}

export interface BillingDetails {
  address: {
    city: null;
    country: null;
    line1: null;
    line2: null;
    postal_code: null;
    state: null;
  };
  email: null;
  name: null;
  phone: null;
  tax_id: null;
}

/** A card PaymentMethod as Stripe returns it (`object: "payment_method"`). */
export interface PaymentMethod {
  id: string;
  object: "payment_method";
  allow_redisplay: "unspecified";
  billing_details: BillingDetails;
  card: CardDetails;
  created: number;
  customer: null;
  customer_account: null;
  livemode: false;
  metadata: Record<string, string>;
  type: "card";
}

export function emptyBillingDetails(): BillingDetails {
  return {
    address: { city: null, country: null, line1: null, line2: null, postal_code: null, state: null },
    email: null,
    name: null,
    phone: null,
    tax_id: null,
  };
}

/**
 * The PaymentMethod Stripe makes from a test token: each use of `pm_card_visa` is a new
 * PaymentMethod (a new id) for the same card, so the fingerprint is what stays the same.
 */
export function paymentMethodFor(card: TestCard): PaymentMethod {
  const now = new Date();
  return {
    id: newId("paymentMethod"),
    object: "payment_method",
    allow_redisplay: "unspecified",
    billing_details: emptyBillingDetails(),
    card: {
      brand: card.brand,
      checks: { address_line1_check: null, address_postal_code_check: null, cvc_check: "pass" },
      country: card.country,
      display_brand: card.brand,
      // Test cards take any future date: Stripe's test tokens carry next year's.
      exp_month: now.getUTCMonth() + 1,
      exp_year: now.getUTCFullYear() + 1,
      fingerprint: cardFingerprint(card.number),
      funding: card.funding,
      last4: card.number.slice(-4),
      networks: { available: [card.brand], preferred: null },
      three_d_secure_usage: { supported: true },
      wallet: null,
    },
    created: unixSeconds(),
    customer: null,
    customer_account: null,
    livemode: false,
    metadata: {},
    type: "card",
  };
}
