import type Database from "better-sqlite3";
import { checkMigrations, type Migration, type MigrationReport, type ModuleMigrations } from "./migration.js";

export type SqliteMigrations = ModuleMigrations<Database.Database>;

/**
 * Brings every module's tables to the newest version this code knows. Each step runs in its own
 * IMMEDIATE transaction, which takes the database's write lock before reading what is applied:
 * two processes starting together never both apply a step, and a failing step leaves nothing
 * behind. Steps recorded before are skipped, so this runs at every start.
 */
export function migrateSqlite(db: Database.Database, modules: readonly SqliteMigrations[]): MigrationReport {
  checkMigrations(modules);
  db.exec(`
    CREATE TABLE IF NOT EXISTS schema_migrations (
      module TEXT NOT NULL,
      version INTEGER NOT NULL,
      name TEXT NOT NULL,
      applied_at INTEGER NOT NULL,
      PRIMARY KEY (module, version)
    )`);
  const recorded = db.prepare<[string], { version: number | null }>(
    "SELECT max(version) AS version FROM schema_migrations WHERE module = ?",
  );
  const record = db.prepare<[string, number, string, number]>(
    "INSERT INTO schema_migrations (module, version, name, applied_at) VALUES (?, ?, ?, ?)",
  );
  const report: MigrationReport = { applied: [], before: {}, ahead: [] };
  for (const { module, steps } of modules) {
    const before = recorded.get(module)?.version ?? 0;
    report.before[module] = before;
    if (before > steps.length) report.ahead.push({ module, recorded: before, known: steps.length });
    for (const step of steps.slice(before)) {
      const applied = db
        .transaction(() => {
          // Read again under the lock: another process may have applied it since.
          if ((recorded.get(module)?.version ?? 0) >= step.version) return false;
          const result = step.up(db);
          if (result instanceof Promise)
            throw new Error(`${module} v${step.version}: SQLite steps are synchronous`);
          record.run(module, step.version, step.name, Date.now());
          return true;
        })
        .immediate();
      if (applied) report.applied.push({ module, version: step.version, name: step.name });
    }
  }
  return report;
}

/**
 * Adds a column unless the table has it. Only for a module's first (baseline) step, which adopts
 * databases written before migrations were recorded, whatever columns they already had; later
 * steps know the shape they start from and alter it plainly.
 */
export function addColumnIfMissing(
  db: Database.Database,
  table: string,
  column: string,
  definition: string,
): void {
  const columns = db.prepare<[], { name: string }>(`PRAGMA table_info(${table})`).all();
  if (!columns.some((c) => c.name === column))
    db.exec(`ALTER TABLE ${table} ADD COLUMN ${column} ${definition}`);
}

/** One ordered step over a module's SQLite tables. */
export type SqliteMigration = Migration<Database.Database>;
