import { sqliteMigrationsOf } from "@venta/kit";
import { migrateSqlite } from "@venta/store";
import Database from "better-sqlite3";
import { describe, expect, it } from "vitest";
import { openSqlite } from "../stores.js";
import { notificationSettingsStoreContract } from "./notification-settings.store.contract.js";
import { SqliteNotificationSettingsStore } from "./notification-settings.store.sqlite.js";
import { preferencesModule } from "./preferences.module.js";

notificationSettingsStoreContract("SQLite", async () => {
  const stores = openSqlite(":memory:");
  return { store: stores.notificationSettings, close: stores.close };
});

describe("SQLite notification settings store over a file from before per-topic change times", () => {
  it("adds the column and reads the old rows as never changed", async () => {
    const db = new Database(":memory:");
    db.exec(`
      CREATE TABLE notification_settings (
        user_id TEXT PRIMARY KEY, locale TEXT, time_zone TEXT, quiet_start INTEGER, quiet_end INTEGER,
        topics TEXT NOT NULL, updated_at INTEGER NOT NULL
      );
      INSERT INTO notification_settings (user_id, topics, updated_at) VALUES ('u1', '{"PROMOTION":{"push":true,"email":false,"sms":false}}', 0);
    `);
    migrateSqlite(db, sqliteMigrationsOf([preferencesModule]));
    const store = new SqliteNotificationSettingsStore(db);
    expect(await store.find("u1")).toMatchObject({ topicsChangedAt: {} });
    expect(
      await store.applyTopics("u1", { PROMOTION: { push: false, email: true, sms: false } }, new Date(5)),
    ).toEqual(["PROMOTION"]);
    db.close();
  });
});
