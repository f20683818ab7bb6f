import { InternalIdentity } from "@venta/auth";
import { type DomainEvent, type EventType, startOutboxRelay } from "@venta/events";
import { type RunningServer, startSubgraphServer } from "@venta/kit";
import { testLogger } from "@venta/testing";
import { communicationHarness } from "../communication.harness.js";
import { buildCommunicationSchema } from "../schema.js";
import { communicationContext } from "../services.js";
import type { IdentityContacts } from "./inbound/clerk.webhook.js";
import { partnerKeysRegister } from "./outbound/partner-keys.harness.js";
import { startWebhookWorkers, webhookRoutes } from "./webhooks.js";

/** Retries in milliseconds, polls in tens of them: tests see backoff happen without waiting minutes. */
const FAST = {
  WEBHOOK_INBOUND_RETRY_BASE_MS: "20",
  WEBHOOK_DELIVERY_RETRY_BASE_MS: "20",
  WEBHOOK_DELIVERY_TIMEOUT_MS: "1000",
  WEBHOOK_POLL_MS: "20",
  // Test receivers listen on 127.0.0.1; the guard's own tests run without this.
  WEBHOOK_ALLOW_PRIVATE_TARGETS: "true",
};

export interface WebhooksHarnessOptions {
  env?: NodeJS.ProcessEnv;
  /** The contacts the identity webhook writes to; the subgraph's own contacts service unless given. */
  contacts?: (real: IdentityContacts) => IdentityContacts;
}

/**
 * The communication subgraph over HTTP on a free port, with its webhook routes and workers and an
 * outbox relay to an in-memory bus: what `main.ts` runs, on in-memory SQLite.
 */
export async function webhooksHarness({ env = {}, contacts }: WebhooksHarnessOptions = {}) {
  const h = await communicationHarness({ ...FAST, ...env });
  const identity = new InternalIdentity(new TextEncoder().encode("a-test-secret-that-only-this-test-holds"));
  const server: RunningServer = await startSubgraphServer({
    name: "communication",
    host: "127.0.0.1",
    port: 0,
    log: testLogger,
    schema: await buildCommunicationSchema(),
    identity,
    createContext: communicationContext(h.services),
    healthChecks: {},
    routes: webhookRoutes(h.services.webhooks, h.config, testLogger),
  });
  const partnerKeys = partnerKeysRegister();
  const relay = startOutboxRelay({ outbox: h.stores.outbox, bus: h.bus, log: testLogger, pollMs: 20 });
  const workers = startWebhookWorkers({
    webhooks: h.services.webhooks,
    partnerKeys: partnerKeys.status,
    contacts: contacts ? contacts(h.services.contacts) : h.services.contacts,
    bus: h.bus,
    config: h.config,
    log: testLogger,
  });
  const base = server.url.replace(/\/graphql$/, "");
  /** Every event of these types on the bus, in order. */
  const seen = (types: EventType[]) => {
    const events: DomainEvent[] = [];
    h.bus.consume(`test.${types.join("+")}.${Math.random()}`, types, (event) => {
      events.push(event);
    });
    return events;
  };
  return {
    ...h,
    base,
    seen,
    partnerKeys,
    post: async (path: string, body: string, headers: Record<string, string> = {}) => {
      const response = await fetch(`${base}${path}`, {
        method: "POST",
        headers: { "content-type": "application/json", ...headers },
        body,
      });
      return { status: response.status, body: (await response.json()) as Record<string, unknown> };
    },
    async close() {
      await server.stop();
      await workers.stop();
      await relay.stop();
      await h.close();
    },
  };
}

export type WebhooksHarness = Awaited<ReturnType<typeof webhooksHarness>>;
