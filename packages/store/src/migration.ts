/** One ordered change to a module's tables or collections. Versions count 1, 2, 3… per module. */
export interface Migration<Database> {
  version: number;
  /** What the step does, kept in the record of applied steps. */
  name: string;
  /** SQLite steps are synchronous (their transaction cannot span an await); MongoDB steps may be async. */
  up(database: Database): unknown;
}

/** A module's ordered steps, recorded under its name. */
export interface ModuleMigrations<Database> {
  module: string;
  steps: readonly Migration<Database>[];
}

/** What a migration run did: the steps it applied, and the versions the database was already at. */
export interface MigrationReport {
  applied: { module: string; version: number; name: string }[];
  /** Per module, the highest version recorded before this run (0 for a new module). */
  before: Record<string, number>;
  /**
   * Modules whose recorded version is newer than this code knows: a newer release migrated the
   * database (rolling deploys run old and new side by side, so steps must stay backward compatible).
   */
  ahead: { module: string; recorded: number; known: number }[];
}

/** Refuses a list of migrations that cannot be applied in one meaningful order. */
export function checkMigrations<Database>(modules: readonly ModuleMigrations<Database>[]): void {
  const names = new Set<string>();
  for (const { module, steps } of modules) {
    if (names.has(module)) throw new Error(`migrations: module "${module}" is listed twice`);
    names.add(module);
    steps.forEach((step, index) => {
      if (step.version !== index + 1) {
        throw new Error(
          `migrations: ${module} step "${step.name}" has version ${step.version}; expected ${index + 1} (versions count 1, 2, 3… in order)`,
        );
      }
    });
  }
}
