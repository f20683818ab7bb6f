import Database from "better-sqlite3";

/**
 * The number of rows of every table in a SQLite file, by table name: the tables the stores created,
 * virtual tables (FTS5, R*Tree) and their shadow tables included, SQLite's own `sqlite_*` left out.
 *
 * The file is opened as the stores open it, read-write, so that a write-ahead log beside it is
 * counted too; a read-only connection could not remove the `-wal` and `-shm` files it creates, and
 * would leave them in a fixture's folder. It writes nothing of its own: closing the last connection
 * checkpoints whatever log there is into the file and deletes both, as a closing store does.
 */
export function countRows(dbFile: string): Record<string, number> {
  const db = new Database(dbFile, { fileMustExist: true });
  try {
    const tables = db
      .prepare<[], { name: string }>(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\' ORDER BY name",
      )
      .all();
    const counts: Record<string, number> = {};
    for (const { name } of tables) {
      const quoted = `"${name.replaceAll('"', '""')}"`;
      counts[name] =
        db.prepare<[], { rows: number }>(`SELECT count(*) AS rows FROM ${quoted}`).get()?.rows ?? 0;
    }
    return counts;
  } finally {
    db.close();
  }
}
