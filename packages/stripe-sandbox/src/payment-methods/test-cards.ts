/** How the card network and Stripe's Radar answer a charge on a test card. */
export type CardOutcome =
  | { kind: "approved" }
  /** Approved, then the cardholder disputes it with their bank shortly after. */
  | { kind: "disputed" }
  | {
      kind: "declined";
      declineCode: string;
      /** What Stripe tells the customer (the error's `message`, the charge's `failure_message`). */
      message: string;
      /** `issuer_declined` when the bank said no, `blocked` when Radar stopped it first. */
      outcomeType: "issuer_declined" | "blocked";
      networkStatus: "declined_by_network" | "not_sent_to_network";
      reason: string;
      riskLevel: "normal" | "highest";
      sellerMessage: string;
    };

export interface TestCard {
  /** The magic PaymentMethod id Stripe's test mode accepts in place of a collected card. */
  token: string;
  number: string;
  brand: "visa" | "mastercard";
  funding: "credit";
  country: "US";
  outcome: CardOutcome;
}

const declinedByBank = (declineCode: string, message: string, sellerMessage: string): CardOutcome => ({
  kind: "declined",
  declineCode,
  message,
  outcomeType: "issuer_declined",
  networkStatus: "declined_by_network",
  reason: declineCode,
  riskLevel: "normal",
  sellerMessage,
});

function card(token: string, number: string, outcome: CardOutcome): TestCard {
  return {
    token,
    number,
    brand: number.startsWith("5") ? "mastercard" : "visa",
    funding: "credit",
    country: "US",
    outcome,
  };
}

/** Stripe's documented test PaymentMethods (docs.stripe.com/testing) that a marketplace exercises. */
export const TEST_CARDS: readonly TestCard[] = [
  card("pm_card_visa", "4242424242424242", { kind: "approved" }),
  card("pm_card_mastercard", "5555555555554444", { kind: "approved" }),
  card(
    "pm_card_chargeDeclined",
    "4000000000000002",
    declinedByBank(
      "generic_decline",
      "Your card was declined.",
      "The bank did not return any further details with this decline.",
    ),
  ),
  card(
    "pm_card_chargeDeclinedInsufficientFunds",
    "4000000000009995",
    declinedByBank(
      "insufficient_funds",
      "Your card has insufficient funds.",
      "The bank returned the decline code `insufficient_funds`.",
    ),
  ),
  card("pm_card_radarBlock", "4100000000000019", {
    kind: "declined",
    declineCode: "fraudulent",
    message: "Your card was declined.",
    outcomeType: "blocked",
    networkStatus: "not_sent_to_network",
    reason: "highest_risk_level",
    riskLevel: "highest",
    sellerMessage: "Stripe blocked this payment as too risky.",
  }),
  card("pm_card_createDispute", "4000000000000259", { kind: "disputed" }),
];

export function testCard(token: string): TestCard | undefined {
  return TEST_CARDS.find((card) => card.token === token);
}
