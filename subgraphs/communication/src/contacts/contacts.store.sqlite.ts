import type Database from "better-sqlite3";
import type { PushPlatform } from "../channels/channel.js";
import type { ContactPatch, ContactRecord, PushDeviceRecord } from "./contact.record.js";
import type { ContactsStore } from "./contacts.store.js";

interface ContactRow {
  user_id: string;
  email: string | null;
  phone: string | null;
  locale: string | null;
  time_zone: string | null;
  updated_at: number;
}

interface DeviceRow {
  token: string;
  user_id: string;
  platform: PushPlatform;
  registered_at: number;
}

const toContact = (row: ContactRow): ContactRecord => ({
  userId: row.user_id,
  email: row.email,
  phone: row.phone,
  locale: row.locale,
  timeZone: row.time_zone,
  updatedAt: new Date(row.updated_at),
});

const toDevice = (row: DeviceRow): PushDeviceRecord => ({
  token: row.token,
  userId: row.user_id,
  platform: row.platform,
  registeredAt: new Date(row.registered_at),
});

/** Contact details and push devices in the embedded SQLite database. */
export class SqliteContactsStore implements ContactsStore {
  constructor(private readonly db: Database.Database) {}

  async find(userId: string): Promise<ContactRecord | null> {
    const row = this.db.prepare<[string], ContactRow>("SELECT * FROM contacts WHERE user_id = ?").get(userId);
    return row ? toContact(row) : null;
  }

  async upsert(userId: string, patch: ContactPatch, at: Date): Promise<ContactRecord | null> {
    const upsert = this.db.transaction((): ContactRecord | null => {
      if (this.erased(userId)) return null;
      const current = this.db
        .prepare<[string], ContactRow>("SELECT * FROM contacts WHERE user_id = ?")
        .get(userId);
      const next: ContactRecord = {
        userId,
        email: patch.email === undefined ? (current?.email ?? null) : patch.email,
        phone: patch.phone === undefined ? (current?.phone ?? null) : patch.phone,
        locale: patch.locale === undefined ? (current?.locale ?? null) : patch.locale,
        timeZone: patch.timeZone === undefined ? (current?.time_zone ?? null) : patch.timeZone,
        updatedAt: at,
      };
      this.db
        .prepare(
          `INSERT INTO contacts (user_id, email, phone, locale, time_zone, updated_at)
           VALUES (@userId, @email, @phone, @locale, @timeZone, @updatedAt)
           ON CONFLICT (user_id) DO UPDATE SET email = excluded.email, phone = excluded.phone,
             locale = excluded.locale, time_zone = excluded.time_zone, updated_at = excluded.updated_at`,
        )
        .run({ ...next, updatedAt: at.getTime() });
      return next;
    });
    return upsert.immediate();
  }

  async registerDevice(device: PushDeviceRecord): Promise<PushDeviceRecord | null> {
    const register = this.db.transaction((): PushDeviceRecord | null => {
      if (this.erased(device.userId)) return null;
      this.db
        .prepare(
          `INSERT INTO push_devices (token, user_id, platform, registered_at) VALUES (?, ?, ?, ?)
           ON CONFLICT (token) DO UPDATE SET user_id = excluded.user_id, platform = excluded.platform,
             registered_at = excluded.registered_at`,
        )
        .run(device.token, device.userId, device.platform, device.registeredAt.getTime());
      return device;
    });
    return register.immediate();
  }

  async unregisterDevice(userId: string, token: string): Promise<boolean> {
    return (
      this.db.prepare("DELETE FROM push_devices WHERE user_id = ? AND token = ?").run(userId, token)
        .changes === 1
    );
  }

  async forgetDevice(token: string): Promise<boolean> {
    return this.db.prepare("DELETE FROM push_devices WHERE token = ?").run(token).changes === 1;
  }

  async devicesOf(userId: string): Promise<PushDeviceRecord[]> {
    return this.db
      .prepare<[string], DeviceRow>(
        "SELECT * FROM push_devices WHERE user_id = ? ORDER BY registered_at DESC, token DESC",
      )
      .all(userId)
      .map(toDevice);
  }

  async eraseUser(userId: string, at: Date): Promise<void> {
    this.db
      .transaction(() => {
        this.db
          .prepare("INSERT OR IGNORE INTO erased_people (user_id, erased_at) VALUES (?, ?)")
          .run(userId, at.getTime());
        this.db.prepare("DELETE FROM push_devices WHERE user_id = ?").run(userId);
        this.db.prepare("DELETE FROM contacts WHERE user_id = ?").run(userId);
      })
      .immediate();
  }

  async isErased(userId: string): Promise<boolean> {
    return this.erased(userId);
  }

  private erased(userId: string): boolean {
    return this.db.prepare("SELECT 1 FROM erased_people WHERE user_id = ?").get(userId) !== undefined;
  }
}
