export type { DeliveryAttempt, WebhookEndpoint } from "./events/webhook-delivery.js";
export { stripeSignatureHeader } from "./events/webhook-signature.js";
export { TEST_CARDS, type TestCard } from "./payment-methods/test-cards.js";
export {
  DEFAULT_API_VERSION,
  type StripeSandbox,
  type StripeSandboxOptions,
  startStripeSandbox,
} from "./sandbox.js";
