import type Database from "better-sqlite3";
import type { UserRecord } from "./user.record.js";
import type { UsersStore } from "./users.store.js";

interface UserRow {
  id: string;
  display_name: string;
  created_at: number;
}

const toRecord = (row: UserRow): UserRecord => ({
  id: row.id,
  displayName: row.display_name,
  createdAt: new Date(row.created_at),
});

/** User accounts in the embedded SQLite database. */
export class SqliteUsersStore implements UsersStore {
  constructor(private readonly db: Database.Database) {
    db.exec(`
      CREATE TABLE IF NOT EXISTS users (
        id TEXT PRIMARY KEY,
        display_name TEXT NOT NULL,
        created_at INTEGER NOT NULL
      );
    `);
  }

  async insert(user: UserRecord): Promise<boolean> {
    const { changes } = this.db
      .prepare("INSERT OR IGNORE INTO users (id, display_name, created_at) VALUES (?, ?, ?)")
      .run(user.id, user.displayName, user.createdAt.getTime());
    return changes === 1;
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
}
