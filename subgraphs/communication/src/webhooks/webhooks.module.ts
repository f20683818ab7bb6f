import type { CommunicationModule } from "../module.js";
import { InboundWebhookEventsResolver } from "./inbound/inbound-events.resolver.js";
import type { InboundEventsStore } from "./inbound/inbound-events.store.js";
import { MongoInboundEventsStore } from "./inbound/inbound-events.store.mongo.js";
import { SqliteInboundEventsStore } from "./inbound/inbound-events.store.sqlite.js";
import { InboundWebhooksPersonalData } from "./inbound/inbound-webhooks.personal-data.js";
import { webhooksBaseline } from "./migrations/001-baseline.sqlite.js";
import { inboundSubjects } from "./migrations/001-inbound-subjects.mongo.js";
import { marketplacePartnerKeyStatus } from "./outbound/partner-key-status.js";
import type { WebhookDeliveriesStore } from "./outbound/webhook-deliveries.store.js";
import { MongoWebhookDeliveriesStore } from "./outbound/webhook-deliveries.store.mongo.js";
import { SqliteWebhookDeliveriesStore } from "./outbound/webhook-deliveries.store.sqlite.js";
import { WebhookSubscriptionsResolver } from "./outbound/webhook-subscriptions.resolver.js";
import type { WebhookSubscriptionsStore } from "./outbound/webhook-subscriptions.store.js";
import { MongoWebhookSubscriptionsStore } from "./outbound/webhook-subscriptions.store.mongo.js";
import { SqliteWebhookSubscriptionsStore } from "./outbound/webhook-subscriptions.store.sqlite.js";
import { marketplaceUrl } from "./webhooks.config.js";
import { startWebhookWorkers, type WebhookServices, webhookServices } from "./webhooks.js";

declare module "../module.js" {
  interface CommunicationStores {
    inboundWebhooks: InboundEventsStore;
    webhookSubscriptions: WebhookSubscriptionsStore;
    webhookDeliveries: WebhookDeliveriesStore;
  }
  interface CommunicationServices {
    webhooks: WebhookServices;
    /** The clock webhook subscriptions' changes are stamped with. */
    now: () => Date;
  }
}

/**
 * Webhooks in (Clerk, Stripe, RevenueCat: received, then processed) and out (partners'
 * subscriptions and their deliveries). Its HTTP routes are `webhookRoutes` (see main.ts).
 */
export const webhooksModule: CommunicationModule = {
  name: "webhooks",
  migrations: { sqlite: [webhooksBaseline], mongo: [inboundSubjects] },
  stores: {
    sqlite: ({ db, outbox }) => ({
      inboundWebhooks: new SqliteInboundEventsStore(db, outbox),
      webhookSubscriptions: new SqliteWebhookSubscriptionsStore(db),
      webhookDeliveries: new SqliteWebhookDeliveriesStore(db),
    }),
    mongo: ({ connection, outbox }) => ({
      inboundWebhooks: new MongoInboundEventsStore(connection, outbox),
      webhookSubscriptions: new MongoWebhookSubscriptionsStore(connection),
      webhookDeliveries: new MongoWebhookDeliveriesStore(connection),
    }),
  },
  services: (stores, { config, now }) => ({ webhooks: webhookServices(stores, config, now), now }),
  resolvers: [InboundWebhookEventsResolver, WebhookSubscriptionsResolver],
  start: (services, { bus, config, log, identity }) => {
    const workers = startWebhookWorkers({
      webhooks: services.webhooks,
      partnerKeys: marketplacePartnerKeyStatus(marketplaceUrl(config), identity),
      contacts: services.contacts,
      bus,
      config,
      log,
    });
    return [() => workers.stop()];
  },
  personalData: (stores) => ({ eraser: new InboundWebhooksPersonalData(stores.inboundWebhooks) }),
};
