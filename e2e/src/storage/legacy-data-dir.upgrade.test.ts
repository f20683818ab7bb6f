import { copyFileSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { eventBusMigrations, eventStoreMigrations, openEventBus, openEventStore } from "@venta/events";
import { repoRoot } from "@venta/kit";
import { liveFeedMigrations, openLiveFeed } from "@venta/live";
import type { SqliteMigrations } from "@venta/store";
import { testLogger } from "@venta/testing";
import Database from "better-sqlite3";
import { afterAll, describe, expect, it } from "vitest";
import { countRows } from "./count-rows.js";

const FIXTURE = join(repoRoot(), "e2e/fixtures/legacy-data-dir");

/** A database file of the fixture, how the code of today opens it, and the migrations that must then be recorded. */
interface Upgrade {
  file: string;
  /** Opens the file in `dataDir` as a service does at start (migrations included); resolves to its closer. */
  open(dataDir: string): Promise<() => Promise<void>>;
  migrations: readonly SqliteMigrations[];
}

/** One entry per database file of the data directory. */
const UPGRADES: readonly Upgrade[] = [
  {
    file: "events.db",
    open: async (dataDir) => {
      const bus = openEventBus({ DATA_DIR: dataDir }, testLogger);
      return () => bus.close();
    },
    migrations: [eventBusMigrations],
  },
  {
    file: "event-store.db",
    open: async (dataDir) => {
      const store = await openEventStore({ DATA_DIR: dataDir });
      return () => store.close();
    },
    migrations: [eventStoreMigrations.sqlite],
  },
  {
    file: "live.db",
    open: async (dataDir) => {
      const feed = openLiveFeed({ DATA_DIR: dataDir }, testLogger);
      return () => feed.close();
    },
    migrations: [liveFeedMigrations],
  },
];

/** Per module, the newest version recorded in the file's `schema_migrations`. */
function recordedVersions(dbFile: string): Record<string, number> {
  const db = new Database(dbFile, { fileMustExist: true });
  try {
    const rows = db
      .prepare<[], { module: string; version: number }>(
        "SELECT module, max(version) AS version FROM schema_migrations GROUP BY module",
      )
      .all();
    return Object.fromEntries(rows.map((row) => [row.module, row.version]));
  } finally {
    db.close();
  }
}

describe("a data directory written before versioned migrations, opened by today's stores", () => {
  const dataDir = mkdtempSync(join(tmpdir(), "venta-legacy-upgrade-"));
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));
  const expected: Record<string, Record<string, number>> = JSON.parse(
    readFileSync(join(FIXTURE, "row-counts.json"), "utf8"),
  );

  for (const upgrade of UPGRADES) {
    it(`keeps every row of ${upgrade.file}, and records its migrations once`, async () => {
      copyFileSync(join(FIXTURE, upgrade.file), join(dataDir, upgrade.file));
      // Twice: the second start finds everything applied and changes nothing.
      for (let start = 0; start < 2; start += 1) await (await upgrade.open(dataDir))();

      const dbFile = join(dataDir, upgrade.file);
      const { schema_migrations: recorded, ...counted } = countRows(dbFile);
      expect(counted).toEqual(expected[upgrade.file]);
      const versions = Object.fromEntries(upgrade.migrations.map((m) => [m.module, m.steps.length]));
      expect(recordedVersions(dbFile)).toEqual(versions);
      expect(recorded).toBe(upgrade.migrations.reduce((sum, m) => sum + m.steps.length, 0));
    });
  }
});
