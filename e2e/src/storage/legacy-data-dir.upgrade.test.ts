import { copyFileSync, cpSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { communicationModules, openCommunicationStores } from "@venta/communication";
import {
  eventBusMigrations,
  eventStoreMigrations,
  openEventBus,
  openEventStore,
  outboxMigrations,
} from "@venta/events";
import { repoRoot, sqliteMigrationsOf } from "@venta/kit";
import { liveFeedMigrations, openLiveFeed } from "@venta/live";
import { locationModules, openLocationStores } from "@venta/location";
import { marketplaceModules, openMarketplaceStores } from "@venta/marketplace";
import type { SqliteMigrations } from "@venta/store";
import { postGraphQL, startStack, testLogger } from "@venta/testing";
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

/** A subgraph's database: the outbox's steps, then its modules' (those that have any). */
const subgraphMigrations = (modules: Parameters<typeof sqliteMigrationsOf>[0]): SqliteMigrations[] =>
  [outboxMigrations.sqlite, ...sqliteMigrationsOf(modules)].filter((m) => m.steps.length > 0);

/** One entry per database file of the data directory. */
const UPGRADES: readonly Upgrade[] = [
  {
    file: "marketplace.db",
    open: async (dataDir) => (await openMarketplaceStores({ DATA_DIR: dataDir })).close,
    migrations: subgraphMigrations(marketplaceModules),
  },
  {
    file: "location.db",
    open: async (dataDir) => (await openLocationStores({ DATA_DIR: dataDir })).close,
    migrations: subgraphMigrations(locationModules),
  },
  {
    file: "communication.db",
    open: async (dataDir) => (await openCommunicationStores({ DATA_DIR: dataDir })).close,
    migrations: subgraphMigrations(communicationModules),
  },
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

/**
 * Tables a later migration adds, derived from the data already there: their rows after the upgrade
 * (location: the position grid, one cell per indexed vendor in the fixture's spread-out city).
 */
const DERIVED_ROWS: Record<string, Record<string, number>> = {
  "location.db": { position_grid: 12 },
};

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
      expect(counted).toEqual({ ...expected[upgrade.file], ...DERIVED_ROWS[upgrade.file] });
      const versions = Object.fromEntries(upgrade.migrations.map((m) => [m.module, m.steps.length]));
      expect(recordedVersions(dbFile)).toEqual(versions);
      expect(recorded).toBe(upgrade.migrations.reduce((sum, m) => sum + m.steps.length, 0));
    });
  }

  it("serves the supergraph from it: a vendor's name, rating and favorites as they were", async () => {
    const copy = mkdtempSync(join(tmpdir(), "venta-legacy-stack-"));
    cpSync(FIXTURE, copy, { recursive: true });
    // Every service starts on the upgraded copy and reports ready before this returns.
    const stack = await startStack({ dataDir: copy });
    try {
      const answer = await postGraphQL<{
        vendor: { name: string; rating: { count: number; average: number }; favoritesCount: number } | null;
      }>(
        `${stack.urls.router}/graphql`,
        "query ($id: ID!) { vendor(id: $id) { name rating { count average } favoritesCount } }",
        { id: "00000000-0000-4000-8000-b00000000001" },
      );
      expect(answer.errors).toBeUndefined();
      expect(answer.data?.vendor).toEqual({
        name: "Sweet Rooster Cart",
        rating: { count: 4, average: 3.5 },
        favoritesCount: 4,
      });
    } finally {
      await stack.close();
      rmSync(copy, { recursive: true, force: true });
    }
  });
});
