import type { Announce, SqliteOutbox } from "@venta/events";
import { dateOrNull } from "@venta/store";
import type Database from "better-sqlite3";
import type { UserRecord } from "./user.record.js";
import {
  type ChannelSwitches,
  DELETED_USER_NAME,
  type DietaryTag,
  type NotificationCategory,
  type ProfilePatch,
  type UserProfileRecord,
} from "./user-profile.record.js";
import type { ProfileUpdateOutcome, UsersStore } from "./users.store.js";

interface UserRow {
  id: string;
  display_name: string;
  created_at: number;
}

interface ProfileRow {
  user_id: string;
  bio: string | null;
  avatar_url: string | null;
  locale: string | null;
  time_zone: string | null;
  favorite_cuisines: string;
  dietary_tags: string;
  notifications: string;
  deleted_at: number | null;
  updated_at: number;
}

const PROFILE_COLUMNS =
  "user_id, bio, avatar_url, locale, time_zone, favorite_cuisines, dietary_tags, notifications, deleted_at, updated_at";

const toRecord = (row: UserRow): UserRecord => ({
  id: row.id,
  displayName: row.display_name,
  createdAt: new Date(row.created_at),
});

const toProfile = (row: ProfileRow): UserProfileRecord => ({
  userId: row.user_id,
  bio: row.bio,
  avatarUrl: row.avatar_url,
  locale: row.locale,
  timeZone: row.time_zone,
  preferences: {
    favoriteCuisines: JSON.parse(row.favorite_cuisines) as string[],
    dietaryTags: JSON.parse(row.dietary_tags) as DietaryTag[],
    notifications: JSON.parse(row.notifications) as Partial<Record<NotificationCategory, ChannelSwitches>>,
  },
  deletedAt: dateOrNull(row.deleted_at),
  updatedAt: new Date(row.updated_at),
});

/** Profile columns a patch may set, by patch field; lists are stored as JSON. */
const PATCHABLE: [keyof ProfilePatch, string][] = [
  ["bio", "bio"],
  ["avatarUrl", "avatar_url"],
  ["locale", "locale"],
  ["timeZone", "time_zone"],
  ["favoriteCuisines", "favorite_cuisines"],
  ["dietaryTags", "dietary_tags"],
];

/**
 * User accounts in the embedded SQLite database (tables: migrations/). Profiles have their own
 * table, so the accounts table keeps its original shape.
 */
export class SqliteUsersStore implements UsersStore {
  constructor(
    private readonly db: Database.Database,
    private readonly outbox: SqliteOutbox,
  ) {}

  async insert(user: UserRecord, announce?: Announce<boolean>): Promise<boolean> {
    const insert = () =>
      this.db
        .prepare("INSERT OR IGNORE INTO users (id, display_name, created_at) VALUES (?, ?, ?)")
        .run(user.id, user.displayName, user.createdAt.getTime()).changes === 1;
    return this.outbox.record(insert, announce);
  }

  async findById(id: string): Promise<UserRecord | null> {
    const row = this.db
      .prepare<[string], UserRow>("SELECT id, display_name, created_at FROM users WHERE id = ?")
      .get(id);
    return row ? toRecord(row) : null;
  }

  async findByIds(ids: readonly string[]): Promise<UserRecord[]> {
    if (ids.length === 0) return [];
    return this.db
      .prepare<[string], UserRow>(
        "SELECT id, display_name, created_at FROM users WHERE id IN (SELECT value FROM json_each(?))",
      )
      .all(JSON.stringify(ids))
      .map(toRecord);
  }

  async findProfiles(userIds: readonly string[]): Promise<UserProfileRecord[]> {
    if (userIds.length === 0) return [];
    return this.db
      .prepare<[string], ProfileRow>(
        `SELECT ${PROFILE_COLUMNS} FROM user_profiles WHERE user_id IN (SELECT value FROM json_each(?))`,
      )
      .all(JSON.stringify(userIds))
      .map(toProfile);
  }

  async updateProfile(
    userId: string,
    patch: ProfilePatch,
    at: Date,
    announce?: Announce<ProfileUpdateOutcome>,
  ): Promise<ProfileUpdateOutcome> {
    const sets = ["updated_at = @at"];
    const params: Record<string, unknown> = { userId, at: at.getTime() };
    for (const [field, column] of PATCHABLE) {
      const value = patch[field];
      if (value === undefined) continue;
      sets.push(`${column} = @${field}`);
      params[field] = Array.isArray(value) ? JSON.stringify(value) : value;
    }
    if (patch.notifications) {
      // A merge patch replaces the given categories and keeps the others.
      sets.push("notifications = json_patch(notifications, @notifications)");
      params.notifications = JSON.stringify(patch.notifications);
    }
    // IMMEDIATE (as the outbox records): take the write lock before reading, so no other process
    // deletes the account in between.
    return this.outbox.record((): ProfileUpdateOutcome => {
      if (!this.db.prepare("SELECT 1 FROM users WHERE id = ?").get(userId)) return "no-account";
      const state = this.db
        .prepare<[string], { deleted_at: number | null }>(
          "SELECT deleted_at FROM user_profiles WHERE user_id = ?",
        )
        .get(userId);
      if (state?.deleted_at != null) return "deleted";
      this.db
        .prepare("INSERT OR IGNORE INTO user_profiles (user_id, updated_at) VALUES (@userId, @at)")
        .run(params);
      this.db.prepare(`UPDATE user_profiles SET ${sets.join(", ")} WHERE user_id = @userId`).run(params);
      if (patch.displayName !== undefined)
        this.db.prepare("UPDATE users SET display_name = ? WHERE id = ?").run(patch.displayName, userId);
      return "updated";
    }, announce);
  }

  async erase(userId: string, at: Date, announce?: Announce<Date | null>): Promise<Date | null> {
    const erase = (): Date | null => {
      const { changes } = this.db
        .prepare("UPDATE users SET display_name = ? WHERE id = ?")
        .run(DELETED_USER_NAME, userId);
      if (changes === 0) return null;
      // Replacing the row drops every personal column; only the deletion time survives.
      const kept = this.db
        .prepare<Record<string, unknown>, { deleted_at: number }>(
          `INSERT OR REPLACE INTO user_profiles (user_id, deleted_at, updated_at)
           VALUES (@userId, coalesce((SELECT deleted_at FROM user_profiles WHERE user_id = @userId), @at), @at)
           RETURNING deleted_at`,
        )
        .get({ userId, at: at.getTime() });
      return new Date(kept?.deleted_at ?? at.getTime());
    };
    return this.outbox.record(erase, announce);
  }
}
