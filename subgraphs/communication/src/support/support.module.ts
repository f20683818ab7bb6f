import { requireService } from "@venta/kit";
import type { CommunicationModule } from "../module.js";
import { supportBaseline } from "./migrations/001-baseline.sqlite.js";
import { type SupportLoaders, supportLoaders } from "./support.loader.js";
import { SupportPersonalData } from "./support.personal-data.js";
import { followTicketUpdates, SupportNotifier } from "./support-notifications.js";
import { SupportTicketFieldsResolver } from "./support-ticket.fields.resolver.js";
import { SupportTicketsResolver } from "./support-tickets.resolver.js";
import { TicketsService } from "./tickets.service.js";
import type { TicketsStore } from "./tickets.store.js";
import { MongoTicketsStore } from "./tickets.store.mongo.js";
import { SqliteTicketsStore } from "./tickets.store.sqlite.js";
import { UserDataExportSupportResolver } from "./user-data-export.support.resolver.js";

declare module "../module.js" {
  interface CommunicationStores {
    tickets: TicketsStore;
  }
  interface CommunicationServices {
    tickets: TicketsStore;
    support: TicketsService;
    /** Tells people when support answers or closes their tickets (a bus consumer: see `start`). */
    supportNotifications: SupportNotifier;
  }
  interface CommunicationLoaders {
    supportLoaders: SupportLoaders;
  }
}

/** Support tickets, their replies and the agents answering them. */
export const supportModule: CommunicationModule = {
  name: "support",
  migrations: { sqlite: [supportBaseline] },
  stores: {
    sqlite: ({ db, outbox }) => ({ tickets: new SqliteTicketsStore(db, outbox) }),
    mongo: ({ connection, outbox }) => ({ tickets: new MongoTicketsStore(connection, outbox) }),
  },
  services: (stores, { now }, earlier) => ({
    tickets: stores.tickets,
    support: new TicketsService(stores.tickets, now),
    supportNotifications: new SupportNotifier(
      stores.tickets,
      requireService(earlier, "notifications", "support"),
    ),
  }),
  loaders: (services) => ({ supportLoaders: supportLoaders(services.tickets) }),
  resolvers: [SupportTicketsResolver, SupportTicketFieldsResolver, UserDataExportSupportResolver],
  start: (services, { bus, log }) => {
    const notices = followTicketUpdates(bus, services.supportNotifications, log);
    return [() => notices.stop()];
  },
  personalData: (stores) => ({ eraser: new SupportPersonalData(stores.tickets) }),
};
