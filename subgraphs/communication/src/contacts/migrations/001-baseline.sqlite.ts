import type { SqliteMigration } from "@venta/store";

/** The tables contacts started with: contact details, push devices and the people erased. */
export const contactsBaseline: SqliteMigration = {
  version: 1,
  name: "contacts, push devices and erased people",
  up(db) {
    db.exec(`
      CREATE TABLE IF NOT EXISTS contacts (
        user_id TEXT PRIMARY KEY,
        email TEXT,
        phone TEXT,
        locale TEXT,
        time_zone TEXT,
        updated_at INTEGER NOT NULL
      );
      CREATE TABLE IF NOT EXISTS push_devices (
        token TEXT PRIMARY KEY,
        user_id TEXT NOT NULL,
        platform TEXT NOT NULL,
        registered_at INTEGER NOT NULL
      );
      CREATE INDEX IF NOT EXISTS push_devices_by_user ON push_devices (user_id, registered_at);
      CREATE TABLE IF NOT EXISTS erased_people (
        user_id TEXT PRIMARY KEY,
        erased_at INTEGER NOT NULL
      ) WITHOUT ROWID;
    `);
  },
};
