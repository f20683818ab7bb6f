import { mkdirSync } from "node:fs";
import { join } from "node:path";
import Database from "better-sqlite3";

/**
 * A service's SQLite database: `<dataDir>/<name>.db`, or in memory when `dataDir` is `:memory:`.
 * WAL lets readers and the writer work at once; NORMAL sync survives a crashed process (only a
 * power cut can lose the last commits), and a busy writer is waited for instead of failing.
 */
export function openSqliteDatabase(dataDir: string, name: string): Database.Database {
  let filename = ":memory:";
  if (dataDir !== ":memory:") {
    mkdirSync(dataDir, { recursive: true });
    filename = join(dataDir, `${name}.db`);
  }
  const db = new Database(filename);
  db.pragma("journal_mode = WAL");
  db.pragma("synchronous = NORMAL");
  db.pragma("busy_timeout = 5000");
  return db;
}
