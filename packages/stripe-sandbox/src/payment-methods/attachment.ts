import { cardFingerprint } from "../api/ids.js";
import { invalidRequest, noSuchObject } from "../http/api-error.js";
import type { SandboxState } from "../state.js";
import { type PaymentMethod, paymentMethodFor } from "./payment-method.object.js";
import { TEST_CARDS, type TestCard, testCard } from "./test-cards.js";

/**
 * What a `payment_method` parameter names, checked without changing anything: a test token
 * (`pm_card_visa`), or a PaymentMethod made earlier that no charge has used yet. Stripe refuses
 * to reuse a card PaymentMethod that is attached to no customer, and so does the sandbox.
 */
export type PaymentMethodChoice = { token: TestCard } | { existing: PaymentMethod };

export function choosePaymentMethod(state: SandboxState, sent: string): PaymentMethodChoice {
  const token = testCard(sent);
  if (token) return { token };
  const existing = state.paymentMethods.get(sent);
  if (!existing) throw noSuchObject("PaymentMethod", sent, "payment_method");
  if (state.charges.newestFirst().some((charge) => charge.payment_method === existing.id))
    throw invalidRequest(
      "The provided PaymentMethod was previously used with a PaymentIntent without Customer attachment, shared with a connected account without Customer attachment, or was detached from a Customer. It may not be used again. To use a PaymentMethod multiple times, you must attach it to a Customer first.",
      { param: "payment_method" },
    );
  return { existing };
}

/** The chosen PaymentMethod, made from its test token now if that is what was sent. */
export function attachPaymentMethod(state: SandboxState, choice: PaymentMethodChoice): PaymentMethod {
  if ("existing" in choice) return choice.existing;
  return state.paymentMethods.add(paymentMethodFor(choice.token));
}

/** The test card behind a PaymentMethod: the fingerprint says which number it was made from. */
export function testCardOf(paymentMethod: PaymentMethod): TestCard {
  const card = TEST_CARDS.find(
    (candidate) => cardFingerprint(candidate.number) === paymentMethod.card.fingerprint,
  );
  if (!card) throw new Error(`PaymentMethod ${paymentMethod.id} was not made from a test card`);
  return card;
}
