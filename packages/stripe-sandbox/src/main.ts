import { baseEnv, ConfigError, createLogger, envVar, loadConfig } from "@venta/kit";
import { startStripeSandbox } from "./sandbox.js";

const env = baseEnv.extend({
  STRIPE_SANDBOX_PORT: envVar.port(12111),
  /** Where events go (the communication subgraph's `/webhooks/stripe`, or the router's); none without it. */
  STRIPE_WEBHOOK_URL: envVar.url(),
  /** The `whsec_…` secret the receiver verifies with; required with STRIPE_WEBHOOK_URL. */
  STRIPE_WEBHOOK_SECRET: envVar.checked((value) => value.startsWith("whsec_"), "must start with whsec_"),
});

/** `npm start -w @venta/stripe-sandbox`: a local Stripe test mode for the whole stack. */
async function main(): Promise<void> {
  const config = loadConfig(env);
  const log = createLogger("stripe-sandbox", {
    level: config.LOG_LEVEL,
    format: config.LOG_FORMAT ?? "pretty",
  });
  if (config.STRIPE_WEBHOOK_URL && !config.STRIPE_WEBHOOK_SECRET)
    throw new ConfigError("STRIPE_WEBHOOK_SECRET (whsec_…) is required with STRIPE_WEBHOOK_URL");
  const webhooks =
    config.STRIPE_WEBHOOK_URL && config.STRIPE_WEBHOOK_SECRET
      ? [{ url: config.STRIPE_WEBHOOK_URL, secret: config.STRIPE_WEBHOOK_SECRET }]
      : [];
  const sandbox = await startStripeSandbox({
    port: config.STRIPE_SANDBOX_PORT,
    host: config.HOST,
    webhooks,
    onDeliveryAttempt: (attempt) => {
      const line = `${attempt.type} ${attempt.eventId} → ${attempt.url}: ${attempt.status ?? "unreachable"} (attempt ${attempt.attempt})`;
      if (attempt.delivered) log.info(line);
      else log.warn(`${line}${attempt.willRetry ? ", will retry" : ", giving up"}`);
    },
    onUnexpectedError: (error) => log.error({ err: error }, "request failed inside the sandbox"),
  });
  log.info(
    `Stripe sandbox on ${sandbox.url}: new Stripe("sk_test_…", { host: "${config.HOST}", port: ${sandbox.port}, protocol: "http" })`,
  );
  if (webhooks.length === 0)
    log.info("no STRIPE_WEBHOOK_URL: events are kept (GET /v1/events) but not delivered");
  const stop = () => void sandbox.close().then(() => process.exit(0));
  process.once("SIGINT", stop);
  process.once("SIGTERM", stop);
}

main().catch((error: unknown) => {
  console.error(error instanceof ConfigError ? error.message : error);
  process.exit(1);
});
