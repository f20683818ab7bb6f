import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { SqliteOutbox } from "@venta/events";
import { progressBar } from "@venta/kit";
import { migrateLocationDatabase, SqlitePositionsStore } from "@venta/location";
import { migrateMarketplaceSqlite, SqliteUsersStore, SqliteVendorsStore } from "@venta/marketplace";
import Database from "better-sqlite3";
import { benchOwners, benchVendors, ownerCount } from "./metro.js";
import { BENCH_DIR } from "./paths.js";

/** Written last: a directory without it was interrupted and is generated again. */
const MARKER = "complete.json";
const BATCH = 20_000;

export interface DataSet {
  dir: string;
  vendors: number;
  seed: number;
  /** Seconds the generation took, whenever it happened. */
  generatedSeconds: number;
  /** When the generation finished: every vendor's position was recorded up to 90 s before. */
  generatedAt: string;
  /** False when an earlier run's data set was reused. */
  generatedNow: boolean;
}

interface Marker {
  vendors: number;
  owners: number;
  seed: number;
  generatedSeconds: number;
  generatedAt: string;
}

/** The cached data set for this count and seed, generated first when missing. */
export async function ensureDataSet(vendors: number, seed: number): Promise<DataSet> {
  const dir = join(BENCH_DIR, ".data", `${vendors}-${seed}`);
  const markerPath = join(dir, MARKER);
  if (existsSync(markerPath)) {
    const marker = JSON.parse(readFileSync(markerPath, "utf8")) as Marker;
    return {
      dir,
      vendors,
      seed,
      generatedSeconds: marker.generatedSeconds,
      generatedAt: marker.generatedAt,
      generatedNow: false,
    };
  }
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const started = performance.now();
  await generate(dir, vendors, seed);
  const generatedSeconds = (performance.now() - started) / 1000;
  const marker: Marker = {
    vendors,
    owners: ownerCount(vendors),
    seed,
    generatedSeconds,
    generatedAt: new Date().toISOString(),
  };
  writeFileSync(markerPath, `${JSON.stringify(marker, null, 2)}\n`);
  return { dir, vendors, seed, generatedSeconds, generatedAt: marker.generatedAt, generatedNow: true };
}

function openForBulkLoad(file: string): Database.Database {
  const db = new Database(file);
  // WAL as the services run it; no syncing, since an interrupted load is thrown away anyway.
  db.pragma("journal_mode = WAL");
  db.pragma("synchronous = OFF");
  db.pragma("cache_size = -262144");
  return db;
}

async function generate(dir: string, vendorCount: number, seed: number): Promise<void> {
  const marketplaceDb = openForBulkLoad(join(dir, "marketplace.db"));
  const locationDb = openForBulkLoad(join(dir, "location.db"));
  try {
    // Tables as the services' own migrations make them, so the services open the files as theirs.
    migrateMarketplaceSqlite(marketplaceDb);
    migrateLocationDatabase(locationDb);
    // Generated data announces nothing: the stores' outbox stays empty.
    const outbox = new SqliteOutbox(marketplaceDb);
    const users = new SqliteUsersStore(marketplaceDb, outbox);
    const vendors = new SqliteVendorsStore(marketplaceDb, outbox);
    const positions = new SqlitePositionsStore(locationDb);
    const owners = ownerCount(vendorCount);
    const progress = progressBar(`Generating ${vendorCount} vendors`, owners + vendorCount);
    let done = 0;
    const now = Date.now();

    await inBatches([marketplaceDb], benchOwners(vendorCount), async (owner) => {
      await users.insert(owner);
      if (++done % 10_000 === 0) progress.update(done);
    });
    await inBatches([marketplaceDb, locationDb], benchVendors(vendorCount, seed), async (vendor) => {
      await vendors.insert({
        id: vendor.id,
        name: vendor.name,
        slug: vendor.slug,
        description: null,
        cuisines: vendor.cuisines,
        ownerId: vendor.ownerId,
        status: vendor.isOpen ? "OPEN" : "CLOSED",
        // Benchmark vendors are public, as verified ones are.
        verification: "VERIFIED",
        rejectionReason: null,
        submittedAt: null,
        version: 1,
        createdAt: vendor.createdAt,
        updatedAt: vendor.createdAt,
      });
      // What location would have learned from marketplace's event, then the vendor's first fix.
      await positions.applyVendor({
        vendorId: vendor.id,
        cuisines: vendor.cuisines,
        isOpen: vendor.isOpen,
        ownerId: vendor.ownerId,
        version: 1,
      });
      await positions.record({
        vendorId: vendor.id,
        ...vendor.point,
        accuracyMeters: 8,
        heading: null,
        recordedAt: new Date(now - vendor.secondsAgo * 1000),
      });
      if (++done % 10_000 === 0) progress.update(done);
    });
    progress.done();
    for (const db of [marketplaceDb, locationDb]) db.pragma("wal_checkpoint(TRUNCATE)");
  } finally {
    marketplaceDb.close();
    locationDb.close();
  }
}

/**
 * Runs `write` for every item, `BATCH` items per transaction on every given database. The stores'
 * methods are async, so a failure arrives as a rejected promise that `db.transaction` would not
 * see before committing; awaiting each call between an explicit BEGIN and COMMIT rolls back
 * instead. The stores' own transactions nest inside as savepoints.
 */
async function inBatches<T>(dbs: Database.Database[], items: Iterable<T>, write: (item: T) => Promise<void>) {
  let inBatch = 0;
  const begin = () => {
    for (const db of dbs) db.exec("BEGIN");
  };
  const commit = () => {
    for (const db of dbs) db.exec("COMMIT");
  };
  begin();
  try {
    for (const item of items) {
      await write(item);
      if (++inBatch === BATCH) {
        commit();
        begin();
        inBatch = 0;
      }
    }
    commit();
  } catch (error) {
    for (const db of dbs) if (db.inTransaction) db.exec("ROLLBACK");
    throw error;
  }
}
