import { openEventBus, startOutboxRelay } from "@venta/events";
import {
  ConfigError,
  closeOnSignals,
  createLogger,
  httpTimeouts,
  internalIdentity,
  startSubgraphServer,
} from "@venta/kit";
import { followChatMessages } from "./chat/chat-notifications.js";
import { followChatVendors } from "./chat/chat-vendors.projection.js";
import { loadCommunicationConfig } from "./config.js";
import { communicationContext } from "./context.js";
import { startNotifications } from "./notifications/start-notifications.js";
import { buildCommunicationSchema } from "./schema.js";
import { communicationServices } from "./services.js";
import { openCommunicationStores } from "./stores.js";
import { followTicketUpdates } from "./support/support-notifications.js";
import { marketplacePartnerKeyStatus } from "./webhooks/outbound/partner-key-status.js";
import { marketplaceUrl } from "./webhooks/webhooks.config.js";
import { startWebhookWorkers, webhookRoutes } from "./webhooks/webhooks.js";

async function main(): Promise<void> {
  const config = loadCommunicationConfig();
  const log = createLogger("communication", { level: config.LOG_LEVEL, format: config.LOG_FORMAT });
  const stores = await openCommunicationStores(config);
  const bus = openEventBus(config, log);
  const identity = internalIdentity(config);
  const services = communicationServices(stores, bus, config, log);
  // Events recorded with communication's writes reach the bus through this relay, ids kept.
  const outboxRelay = startOutboxRelay({ outbox: stores.outbox, bus, log });
  const webhooks = startWebhookWorkers({
    webhooks: services.webhooks,
    partnerKeys: marketplacePartnerKeyStatus(marketplaceUrl(config), identity),
    contacts: services.contacts,
    bus,
    config,
    log,
  });
  const chatVendors = followChatVendors(bus, stores.chatVendors, log);
  const chatNotices = followChatMessages(bus, services.chatNotifications, log);
  const supportNotices = followTicketUpdates(bus, services.supportNotifications, log);
  const notifications = await startNotifications(services, bus, log);
  const server = await startSubgraphServer({
    name: "communication",
    host: config.HOST,
    port: config.COMMUNICATION_PORT,
    timeouts: httpTimeouts(config),
    log,
    schema: await buildCommunicationSchema(),
    identity,
    createContext: communicationContext(services),
    routes: { ...webhookRoutes(services.webhooks, config, log) },
    healthChecks: {
      store: () => stores.ping(),
      eventBus: () => bus.ping(),
      deliveryQueue: () => services.delivery.queue.ping(),
    },
    // The router forwards its clients' chat subscriptions here.
    subscriptions: true,
    maxSocketMessageBytes: config.WS_MAX_MESSAGE_BYTES,
  });
  log.info(
    { store: config.MONGODB_URI ? "mongodb" : "sqlite", eventBus: config.REDIS_URL ? "redis" : "sqlite" },
    "adapters",
  );
  closeOnSignals(log, [
    () => server.stop(),
    () => webhooks.stop(),
    () => services.chatFeed.close(),
    () => chatVendors.stop(),
    () => chatNotices.stop(),
    () => supportNotices.stop(),
    () => notifications.stop(),
    () => outboxRelay.stop(),
    () => bus.close(),
    () => stores.close(),
  ]);
}

main().catch((error: unknown) => {
  console.error(error instanceof ConfigError ? error.message : error);
  process.exit(1);
});
