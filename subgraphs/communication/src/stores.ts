import { MongoOutbox, type Outbox, SqliteOutbox } from "@venta/events";
import { connectMongo, openSqliteDatabase, subgraphDatabaseName } from "@venta/store";
import type { Connection } from "mongoose";
import type { VendorAlertsStore } from "./alerts/vendor-alerts.store.js";
import { MongoVendorAlertsStore } from "./alerts/vendor-alerts.store.mongo.js";
import { SqliteVendorAlertsStore } from "./alerts/vendor-alerts.store.sqlite.js";
import type { ChatVendorsStore } from "./chat/chat-vendors.store.js";
import { MongoChatVendorsStore } from "./chat/chat-vendors.store.mongo.js";
import { SqliteChatVendorsStore } from "./chat/chat-vendors.store.sqlite.js";
import type { ConversationsStore } from "./chat/conversations.store.js";
import { MongoConversationsStore } from "./chat/conversations.store.mongo.js";
import { SqliteConversationsStore } from "./chat/conversations.store.sqlite.js";
import type { ContactsStore } from "./contacts/contacts.store.js";
import { MongoContactsStore } from "./contacts/contacts.store.mongo.js";
import { SqliteContactsStore } from "./contacts/contacts.store.sqlite.js";
import type { NotificationsStore } from "./notifications/notifications.store.js";
import { MongoNotificationsStore } from "./notifications/notifications.store.mongo.js";
import { SqliteNotificationsStore } from "./notifications/notifications.store.sqlite.js";
import type { NotificationSettingsStore } from "./preferences/notification-settings.store.js";
import { MongoNotificationSettingsStore } from "./preferences/notification-settings.store.mongo.js";
import { SqliteNotificationSettingsStore } from "./preferences/notification-settings.store.sqlite.js";
import type { TicketsStore } from "./support/tickets.store.js";
import { MongoTicketsStore } from "./support/tickets.store.mongo.js";
import { SqliteTicketsStore } from "./support/tickets.store.sqlite.js";
import type { InboundEventsStore } from "./webhooks/inbound/inbound-events.store.js";
import { MongoInboundEventsStore } from "./webhooks/inbound/inbound-events.store.mongo.js";
import { SqliteInboundEventsStore } from "./webhooks/inbound/inbound-events.store.sqlite.js";
import type { WebhookDeliveriesStore } from "./webhooks/outbound/webhook-deliveries.store.js";
import { MongoWebhookDeliveriesStore } from "./webhooks/outbound/webhook-deliveries.store.mongo.js";
import { SqliteWebhookDeliveriesStore } from "./webhooks/outbound/webhook-deliveries.store.sqlite.js";
import type { WebhookSubscriptionsStore } from "./webhooks/outbound/webhook-subscriptions.store.js";
import { MongoWebhookSubscriptionsStore } from "./webhooks/outbound/webhook-subscriptions.store.mongo.js";
import { SqliteWebhookSubscriptionsStore } from "./webhooks/outbound/webhook-subscriptions.store.sqlite.js";

/** Every module's store, over one database. */
export interface CommunicationStores {
  conversations: ConversationsStore;
  chatVendors: ChatVendorsStore;
  tickets: TicketsStore;
  /** Events committed with the writes they announce, in this database; main.ts runs its one relay to the bus. */
  outbox: Outbox;
  inboundWebhooks: InboundEventsStore;
  webhookSubscriptions: WebhookSubscriptionsStore;
  webhookDeliveries: WebhookDeliveriesStore;
  contacts: ContactsStore;
  notificationSettings: NotificationSettingsStore;
  notifications: NotificationsStore;
  vendorAlerts: VendorAlertsStore;
  ping(): Promise<void>;
  close(): Promise<void>;
}

export interface StoreConfig {
  MONGODB_URI?: string | undefined;
  DATA_DIR: string;
}

/** MongoDB when `MONGODB_URI` is set; otherwise SQLite in `DATA_DIR` (`:memory:` for tests). */
export async function openCommunicationStores(config: StoreConfig): Promise<CommunicationStores> {
  return config.MONGODB_URI ? openMongo(config.MONGODB_URI) : openSqlite(config.DATA_DIR);
}

export function openSqlite(dataDir: string): CommunicationStores {
  const db = openSqliteDatabase(dataDir, "communication");
  const outbox = new SqliteOutbox(db);
  return {
    conversations: new SqliteConversationsStore(db, outbox),
    chatVendors: new SqliteChatVendorsStore(db),
    tickets: new SqliteTicketsStore(db, outbox),
    outbox,
    inboundWebhooks: new SqliteInboundEventsStore(db, outbox),
    webhookSubscriptions: new SqliteWebhookSubscriptionsStore(db),
    webhookDeliveries: new SqliteWebhookDeliveriesStore(db),
    contacts: new SqliteContactsStore(db),
    notificationSettings: new SqliteNotificationSettingsStore(db),
    notifications: new SqliteNotificationsStore(db),
    vendorAlerts: new SqliteVendorAlertsStore(db),
    ping: async () => {
      db.prepare("SELECT 1").get();
    },
    close: async () => {
      db.close();
    },
  };
}

/** Each subgraph keeps its own database (see `subgraphDatabaseName`); tests pass a throwaway one. */
export async function openMongo(
  uri: string,
  dbName = subgraphDatabaseName(uri, "communication"),
): Promise<CommunicationStores> {
  const connection = await connectMongo(uri, dbName);
  const { stores, createIndexes } = assembleMongoStores(connection);
  await createIndexes();
  return stores;
}

/** The Mongo stores on `connection`, which may still be opening; indexes are built by `createIndexes`. */
export function assembleMongoStores(connection: Connection): {
  stores: CommunicationStores;
  createIndexes(): Promise<void>;
} {
  const outbox = new MongoOutbox(connection);
  const conversations = new MongoConversationsStore(connection, outbox);
  const chatVendors = new MongoChatVendorsStore(connection);
  const tickets = new MongoTicketsStore(connection, outbox);
  const inboundWebhooks = new MongoInboundEventsStore(connection, outbox);
  const webhookSubscriptions = new MongoWebhookSubscriptionsStore(connection);
  const webhookDeliveries = new MongoWebhookDeliveriesStore(connection);
  const contacts = new MongoContactsStore(connection);
  const notificationSettings = new MongoNotificationSettingsStore(connection);
  const notifications = new MongoNotificationsStore(connection);
  const vendorAlerts = new MongoVendorAlertsStore(connection);
  const createIndexes = async () => {
    await Promise.all([conversations.createIndexes(), chatVendors.createIndexes(), tickets.createIndexes()]);
    await Promise.all([
      outbox.createIndexes(),
      inboundWebhooks.createIndexes(),
      webhookSubscriptions.createIndexes(),
      webhookDeliveries.createIndexes(),
    ]);
    await Promise.all([
      contacts.createIndexes(),
      notificationSettings.createIndexes(),
      notifications.createIndexes(),
      vendorAlerts.createIndexes(),
    ]);
  };
  const stores: CommunicationStores = {
    conversations,
    chatVendors,
    tickets,
    outbox,
    inboundWebhooks,
    webhookSubscriptions,
    webhookDeliveries,
    contacts,
    notificationSettings,
    notifications,
    vendorAlerts,
    ping: async () => {
      await connection.db?.admin().ping();
    },
    close: () => connection.close(),
  };
  return { stores, createIndexes };
}
