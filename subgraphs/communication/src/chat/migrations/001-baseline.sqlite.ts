import { addColumnIfMissing, type SqliteMigration } from "@venta/store";

/** Columns of `chat_conversations` added after the first release, for files made before them. */
const NOTIFIED_COLUMNS: [string, string][] = [
  ["customer_notified_seq", "INTEGER"],
  ["customer_notified_message_id", "TEXT"],
  ["customer_notified_at", "INTEGER"],
  ["vendor_notified_seq", "INTEGER"],
  ["vendor_notified_message_id", "TEXT"],
  ["vendor_notified_at", "INTEGER"],
];

/** The tables chat started with: conversations, messages and its projection of vendors. */
export const chatBaseline: SqliteMigration = {
  version: 1,
  name: "conversations, messages and chat vendors",
  up(db) {
    db.exec(`
      CREATE TABLE IF NOT EXISTS chat_conversations (
        id TEXT PRIMARY KEY,
        customer_id TEXT NOT NULL,
        vendor_id TEXT NOT NULL,
        created_at INTEGER NOT NULL,
        last_activity_at INTEGER NOT NULL,
        last_seq INTEGER NOT NULL DEFAULT 0,
        last_message_id TEXT,
        customer_read_seq INTEGER,
        customer_read_message_id TEXT,
        customer_read_at INTEGER,
        vendor_read_seq INTEGER,
        vendor_read_message_id TEXT,
        vendor_read_at INTEGER,
        UNIQUE (customer_id, vendor_id)
      );
      CREATE INDEX IF NOT EXISTS chat_conversations_by_customer
        ON chat_conversations (customer_id, last_activity_at, id);
      CREATE INDEX IF NOT EXISTS chat_conversations_by_vendor
        ON chat_conversations (vendor_id, last_activity_at, id);
      CREATE TABLE IF NOT EXISTS chat_messages (
        id TEXT PRIMARY KEY,
        conversation_id TEXT NOT NULL,
        seq INTEGER NOT NULL,
        sender_id TEXT NOT NULL,
        sender_side TEXT NOT NULL,
        text TEXT NOT NULL,
        client_message_id TEXT,
        sent_at INTEGER NOT NULL,
        UNIQUE (conversation_id, seq)
      );
      CREATE UNIQUE INDEX IF NOT EXISTS chat_messages_by_client_id
        ON chat_messages (conversation_id, sender_id, client_message_id) WHERE client_message_id IS NOT NULL;
      CREATE INDEX IF NOT EXISTS chat_messages_by_sender ON chat_messages (sender_id);
    `);
    for (const [column, definition] of NOTIFIED_COLUMNS)
      addColumnIfMissing(db, "chat_conversations", column, definition);
    db.exec(`
      CREATE TABLE IF NOT EXISTS chat_vendors (
        vendor_id TEXT PRIMARY KEY,
        name TEXT NOT NULL,
        owner_id TEXT,
        listed INTEGER NOT NULL,
        version INTEGER NOT NULL
      );
      CREATE INDEX IF NOT EXISTS chat_vendors_by_owner ON chat_vendors (owner_id);
    `);
  },
};
