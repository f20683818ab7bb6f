import { migrateSubgraphSqlite, SqliteOutbox } from "@venta/events";
import Database from "better-sqlite3";
import { describe, expect, it } from "vitest";
import { openSqlite } from "../stores.js";
import { chatModule } from "./chat.module.js";
import { conversationsStoreContract } from "./conversations.store.contract.js";
import { SqliteConversationsStore } from "./conversations.store.sqlite.js";

conversationsStoreContract("SQLite", async () => {
  const stores = openSqlite(":memory:");
  return { store: stores.conversations, announced: () => stores.outbox.oldest(1000), close: stores.close };
});

describe("SQLite conversations store over a file from before notification claims", () => {
  it("adds what it needs and claims notifications there", async () => {
    const db = new Database(":memory:");
    db.exec(`
      CREATE TABLE chat_conversations (
        id TEXT PRIMARY KEY, customer_id TEXT NOT NULL, vendor_id TEXT NOT NULL,
        created_at INTEGER NOT NULL, last_activity_at INTEGER NOT NULL, last_seq INTEGER NOT NULL DEFAULT 0,
        last_message_id TEXT, customer_read_seq INTEGER, customer_read_message_id TEXT, customer_read_at INTEGER,
        vendor_read_seq INTEGER, vendor_read_message_id TEXT, vendor_read_at INTEGER,
        UNIQUE (customer_id, vendor_id)
      );
      INSERT INTO chat_conversations (id, customer_id, vendor_id, created_at, last_activity_at) VALUES ('c1', 'casey', 'cart-1', 0, 0);
    `);
    migrateSubgraphSqlite(db, [chatModule]);
    const store = new SqliteConversationsStore(db, new SqliteOutbox(db));
    const { message } = await store.append({
      id: "m1",
      conversationId: "c1",
      senderId: "casey",
      senderSide: "CUSTOMER",
      text: "hello",
      clientMessageId: null,
      sentAt: new Date(1000),
    });
    const claim = { conversationId: "c1", messageId: message.id, recipientSide: "VENDOR" as const };
    expect(await store.claimNotification({ ...claim, at: new Date(2000), coveredSince: new Date(0) })).toBe(
      "NOTIFY",
    );
    db.close();
  });
});
