import { randomUUID } from "node:crypto";
import mongoose, { type Connection, Schema } from "mongoose";
import { afterEach, describe, expect, it } from "vitest";
import { type MongoMigrations, migrateMongo } from "./migrations.mongo.js";
import { registerModel } from "./model.mongo.js";

// This package sits below the test kit, so it reads the setting itself (see @venta/testing's mongoForTests).
const uri = process.env.MONGODB_URI;
if (!uri) console.warn("[skipped] MongoDB migrations: MONGODB_URI is not set");

const opened: Connection[] = [];
async function connect(dbName: string): Promise<Connection> {
  const connection = await mongoose.createConnection(uri ?? "", { dbName, autoIndex: false }).asPromise();
  opened.push(connection);
  return connection;
}

afterEach(async () => {
  const first = opened[0];
  if (first) await first.dropDatabase();
  await Promise.all(opened.splice(0).map((c) => c.close()));
});

const counting = (applied: string[]): MongoMigrations => ({
  module: "notes",
  steps: [1, 2].map((version) => ({
    version,
    name: `step ${version}`,
    up: async (connection: Connection) => {
      applied.push(`${version}`);
      await connection.collection("applied").insertOne({ version });
    },
  })),
});

describe.runIf(uri)("migrateMongo", () => {
  it("applies each step once, even when several processes start together", async () => {
    const dbName = `venta_test_${randomUUID().slice(0, 8)}`;
    const applied: string[] = [];
    const connections = await Promise.all([1, 2, 3].map(() => connect(dbName)));
    const reports = await Promise.all(connections.map((c) => migrateMongo(c, [counting(applied)])));
    expect(applied).toEqual(["1", "2"]);
    expect(reports.flatMap((r) => r.applied).map((s) => s.version)).toEqual([1, 2]);
    const again = await migrateMongo(connections[0] as Connection, [counting(applied)]);
    expect(again.applied).toEqual([]);
    expect(again.before).toEqual({ notes: 2 });
  });

  it("rebuilds an index whose options changed instead of refusing to start, and drops undeclared ones", async () => {
    const dbName = `venta_test_${randomUUID().slice(0, 8)}`;
    const before = await connect(dbName);
    const old = new Schema({ code: String, other: String }, { autoIndex: false });
    old.index({ code: 1 });
    old.index({ other: 1 });
    registerModel(before, "Thing", old);
    await migrateMongo(before, []);

    const after = await connect(dbName);
    const changed = new Schema({ code: String, other: String }, { autoIndex: false });
    changed.index({ code: 1 }, { unique: true });
    registerModel(after, "Thing", changed);
    const report = await migrateMongo(after, []);
    expect(report.droppedIndexes.things).toEqual(expect.arrayContaining(["code_1", "other_1"]));
    const indexes = await after.collection("things").indexes();
    expect(indexes.find((index) => index.name === "code_1")?.unique).toBe(true);
    expect(indexes.some((index) => index.name === "other_1")).toBe(false);
  });
});
