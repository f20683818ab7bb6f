import type { SqliteMigration } from "@venta/store";

/**
 * Baseline: accounts and their profiles as the stores made them before migrations were recorded.
 * Profiles have their own table, so the accounts table keeps its original shape.
 */
export const usersBaseline: SqliteMigration = {
  version: 1,
  name: "users and profiles",
  up: (db) => {
    db.exec(`
      CREATE TABLE IF NOT EXISTS users (
        id TEXT PRIMARY KEY,
        display_name TEXT NOT NULL,
        created_at INTEGER NOT NULL
      );
      CREATE TABLE IF NOT EXISTS user_profiles (
        user_id TEXT PRIMARY KEY,
        bio TEXT,
        avatar_url TEXT,
        locale TEXT,
        time_zone TEXT,
        favorite_cuisines TEXT NOT NULL DEFAULT '[]',
        dietary_tags TEXT NOT NULL DEFAULT '[]',
        notifications TEXT NOT NULL DEFAULT '{}',
        deleted_at INTEGER,
        updated_at INTEGER NOT NULL
      );
    `);
  },
};
