import { randomUUID } from "node:crypto";
import type { Connection } from "mongoose";
import { checkMigrations, type Migration, type MigrationReport, type ModuleMigrations } from "./migration.js";
import { isMongoDuplicateKey } from "./unique-violation.js";

export type MongoMigrations = ModuleMigrations<Connection>;

/** What `migrateMongo` did, including the index sync that follows the data steps. */
export interface MongoMigrationReport extends MigrationReport {
  /** Per collection, the indexes dropped because the models no longer declare them as they are. */
  droppedIndexes: Record<string, string[]>;
}

export interface MongoMigrationOptions {
  /** How long a crashed migrator's lock holds others off (default 10 minutes). */
  lockTtlMs?: number;
  /** How long to wait for another process's migration before giving up (default 10 minutes). */
  waitMs?: number;
}

interface MigrationDocument {
  _id: string;
  module?: string;
  version?: number;
  name?: string;
  appliedAt?: Date;
  holder?: string;
  expiresAt?: Date;
}

const LOCK_ID = "lock";
const COLLECTION = "schema_migrations";

/**
 * Brings the database to what this code expects: every module's pending data steps in order,
 * then every registered model's declared indexes (missing ones built, ones whose keys or options
 * changed dropped and built again, so a changed option never stops start-up). One process at a
 * time does this, under a lease in `schema_migrations`; the others wait and find nothing to do.
 * A step is recorded after it succeeds, so one interrupted by a crash runs again: write steps
 * that can (updates filtered on the old shape, not blind increments).
 */
export async function migrateMongo(
  connection: Connection,
  modules: readonly MongoMigrations[],
  options: MongoMigrationOptions = {},
): Promise<MongoMigrationReport> {
  checkMigrations(modules);
  const lockTtlMs = options.lockTtlMs ?? 10 * 60_000;
  const collection = connection.collection<MigrationDocument>(COLLECTION);
  const holder = randomUUID();
  await acquireLock(connection, holder, lockTtlMs, options.waitMs ?? 10 * 60_000);
  try {
    const report: MongoMigrationReport = { applied: [], before: {}, ahead: [], droppedIndexes: {} };
    for (const { module, steps } of modules) {
      const latest = await collection.findOne({ module }, { sort: { version: -1 } });
      const before = latest?.version ?? 0;
      report.before[module] = before;
      if (before > steps.length) report.ahead.push({ module, recorded: before, known: steps.length });
      for (const step of steps.slice(before)) {
        await renewLock(connection, holder, lockTtlMs);
        await step.up(connection);
        await collection.insertOne({
          _id: `${module}:${step.version}`,
          module,
          version: step.version,
          name: step.name,
          appliedAt: new Date(),
        });
        report.applied.push({ module, version: step.version, name: step.name });
      }
    }
    await renewLock(connection, holder, lockTtlMs);
    report.droppedIndexes = await syncIndexes(connection);
    return report;
  } finally {
    await collection.deleteOne({ _id: LOCK_ID, holder });
  }
}

/**
 * Makes every model registered on `connection` carry exactly the indexes its schema declares.
 * Collections are created first, so a transaction never has to (MongoDB refuses to create one
 * inside a transaction before 4.4, and with some write concerns after).
 */
export async function syncIndexes(connection: Connection): Promise<Record<string, string[]>> {
  const dropped: Record<string, string[]> = {};
  for (const model of Object.values(connection.models)) {
    await model.createCollection();
    const names = await model.syncIndexes();
    if (names.length > 0) dropped[model.collection.collectionName] = names;
  }
  return dropped;
}

async function acquireLock(connection: Connection, holder: string, ttlMs: number, waitMs: number) {
  const collection = connection.collection<MigrationDocument>(COLLECTION);
  const deadline = Date.now() + waitMs;
  for (;;) {
    const now = new Date();
    try {
      // Takes the lease when it is free or expired; an unexpired lease makes the upsert collide.
      await collection.updateOne(
        { _id: LOCK_ID, expiresAt: { $lt: now } },
        { $set: { holder, expiresAt: new Date(now.getTime() + ttlMs) } },
        { upsert: true },
      );
      return;
    } catch (error) {
      if (!isMongoDuplicateKey(error)) throw error;
    }
    if (Date.now() > deadline) throw new Error("migrations: another process has held the lock too long");
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

async function renewLock(connection: Connection, holder: string, ttlMs: number) {
  const collection = connection.collection<MigrationDocument>(COLLECTION);
  const renewed = await collection.updateOne(
    { _id: LOCK_ID, holder },
    { $set: { expiresAt: new Date(Date.now() + ttlMs) } },
  );
  if (renewed.matchedCount === 0) throw new Error("migrations: the lock expired while migrating");
}

/** One ordered data step over a module's MongoDB collections (indexes are synced from the models). */
export type MongoMigration = Migration<Connection>;
