import { migrateSubgraphSqlite, SqliteOutbox } from "@venta/events";
import Database from "better-sqlite3";
import { describe, expect, it } from "vitest";
import { openSqlite } from "../../stores.js";
import { webhooksModule } from "../webhooks.module.js";
import { inboundEventsStoreContract } from "./inbound-events.store.contract.js";
import { SqliteInboundEventsStore } from "./inbound-events.store.sqlite.js";

inboundEventsStoreContract("SQLite", async () => {
  const stores = openSqlite(":memory:");
  return { store: stores.inboundWebhooks, outbox: stores.outbox, close: stores.close };
});

describe("SQLite inbound webhook events store upgrade", () => {
  it("notes the subjects of events stored before subjects were, so erasing finds them", async () => {
    const db = new Database(":memory:");
    // The table as the first release made it.
    db.exec(`
      CREATE TABLE inbound_webhook_events (
        id TEXT PRIMARY KEY, provider TEXT NOT NULL, event_id TEXT NOT NULL, type TEXT NOT NULL,
        body TEXT NOT NULL, received_at INTEGER NOT NULL, status TEXT NOT NULL, attempts INTEGER NOT NULL,
        next_attempt_at INTEGER, last_error TEXT, processed_at INTEGER
      );
    `);
    const insert = db.prepare(
      "INSERT INTO inbound_webhook_events VALUES (?, ?, ?, ?, ?, 1, 'PROCESSED', 1, NULL, NULL, 2)",
    );
    insert.run(
      "clerk:msg_1",
      "CLERK",
      "msg_1",
      "user.created",
      '{"type":"user.created","data":{"id":"zelda"}}',
    );
    insert.run(
      "stripe:evt_1",
      "STRIPE",
      "evt_1",
      "payment_intent.succeeded",
      '{"data":{"object":{"metadata":{"userId":"zelda","vendorId":"v1"}}}}',
    );
    insert.run("revenuecat:rc_1", "REVENUECAT", "rc_1", "RENEWAL", '{"event":{"app_user_id":"bob"}}');

    const migrate = () => migrateSubgraphSqlite(db, [webhooksModule]);
    migrate();
    const store = new SqliteInboundEventsStore(db, new SqliteOutbox(db));
    expect((await store.findById("clerk:msg_1"))?.subjectUserId).toBe("zelda");
    expect((await store.findById("revenuecat:rc_1"))?.subjectUserId).toBe("bob");
    expect(await store.eraseSubject("zelda", new Date(3))).toBe(2);
    expect(await store.findById("stripe:evt_1")).toMatchObject({ body: null, status: "PROCESSED" });
    // Opening the upgraded file again changes nothing.
    expect(migrate().applied).toEqual([]);
    new SqliteInboundEventsStore(db, new SqliteOutbox(db));
    expect((await store.findById("revenuecat:rc_1"))?.subjectUserId).toBe("bob");
    db.close();
  });
});
