import type { CommunicationModule } from "../module.js";
import { ContactsPersonalData } from "./contacts.personal-data.js";
import { ContactsResolver } from "./contacts.resolver.js";
import { ContactsService } from "./contacts.service.js";
import type { ContactsStore } from "./contacts.store.js";
import { MongoContactsStore } from "./contacts.store.mongo.js";
import { SqliteContactsStore } from "./contacts.store.sqlite.js";
import { contactsBaseline } from "./migrations/001-baseline.sqlite.js";
import { UserDataExportContactsResolver } from "./user-data-export.contacts.resolver.js";

declare module "../module.js" {
  interface CommunicationStores {
    contacts: ContactsStore;
  }
  interface CommunicationServices {
    contacts: ContactsService;
  }
}

/**
 * Contact details and push devices. Listed first: erasing a person starts here, because it records
 * them as erased and every write after it is refused (see live-account.ts); the erasers of the
 * modules after it remove what was written before.
 */
export const contactsModule: CommunicationModule = {
  name: "contacts",
  migrations: { sqlite: [contactsBaseline] },
  stores: {
    sqlite: ({ db }) => ({ contacts: new SqliteContactsStore(db) }),
    mongo: ({ connection }) => ({ contacts: new MongoContactsStore(connection) }),
  },
  services: (stores, { erasers, now }) => ({ contacts: new ContactsService(stores.contacts, erasers, now) }),
  resolvers: [ContactsResolver, UserDataExportContactsResolver],
  personalData: (stores) => ({ eraser: new ContactsPersonalData(stores.contacts) }),
};
