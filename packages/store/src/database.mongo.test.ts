import { describe, expect, it } from "vitest";
import { subgraphDatabaseName } from "./database.mongo.js";
import { conditionalUpsert, conditionalUpsertMany } from "./upsert.mongo.js";

describe("subgraphDatabaseName", () => {
  it("gives each subgraph its own database on the production URI", () => {
    const uri = "mongodb://mongo:27017/venta?replicaSet=rs0";
    const names = ["marketplace", "location", "communication"].map((s) => subgraphDatabaseName(uri, s));
    expect(names).toEqual(["venta-marketplace", "venta-location", "venta-communication"]);
  });

  it("derives the name from the URI's database, not from options or credentials", () => {
    expect(
      subgraphDatabaseName("mongodb+srv://u:p%2Fq@cluster.example.net/shop?w=majority", "location"),
    ).toBe("shop-location");
    expect(subgraphDatabaseName("mongodb://a:27017,b:27017/prod?replicaSet=rs0", "location")).toBe(
      "prod-location",
    );
  });

  it("falls back to venta when the URI names no database", () => {
    expect(subgraphDatabaseName("mongodb://mongo:27017", "marketplace")).toBe("venta-marketplace");
    expect(subgraphDatabaseName("mongodb://mongo:27017/?replicaSet=rs0", "marketplace")).toBe(
      "venta-marketplace",
    );
  });
});

describe("conditionalUpsert", () => {
  const duplicateKey = Object.assign(new Error("E11000 duplicate key error"), { code: 11000 });

  it("retries as a plain update when the upsert collides, so a concurrently created document is still updated", async () => {
    const attempts: boolean[] = [];
    const result = await conditionalUpsert(async (upsert) => {
      attempts.push(upsert);
      if (upsert) throw duplicateKey;
      return { matchedCount: 1, upsertedCount: 0 };
    });
    expect(attempts).toEqual([true, false]);
    expect(result).toEqual({ matchedCount: 1, upsertedCount: 0 });
  });

  it("reports a stale write as the plain update's miss", async () => {
    const result = await conditionalUpsert(async (upsert) => {
      if (upsert) throw duplicateKey;
      return { matchedCount: 0, upsertedCount: 0 };
    });
    expect(result.matchedCount).toBe(0);
  });

  it("runs once when the upsert succeeds", async () => {
    const attempts: boolean[] = [];
    await conditionalUpsert(async (upsert) => {
      attempts.push(upsert);
      return { matchedCount: 0, upsertedCount: 1 };
    });
    expect(attempts).toEqual([true]);
  });

  it("lets any other error through without retrying", async () => {
    const attempts: boolean[] = [];
    const failure = conditionalUpsert(async (upsert) => {
      attempts.push(upsert);
      throw Object.assign(new Error("not primary"), { code: 10107 });
    });
    await expect(failure).rejects.toThrow("not primary");
    expect(attempts).toEqual([true]);
  });
});

describe("conditionalUpsertMany", () => {
  const bulkError = (writeErrors: { index: number; code: number }[], counts: Record<string, number>) =>
    Object.assign(new Error("bulk write failed"), { writeErrors, ...counts });

  it("runs the writes refused as duplicate keys again without upsert, adding up both rounds", async () => {
    const rounds: [readonly number[], boolean][] = [];
    const result = await conditionalUpsertMany(4, async (indexes, upsert) => {
      rounds.push([indexes, upsert]);
      if (upsert)
        throw bulkError(
          [
            { index: 3, code: 11000 },
            { index: 1, code: 11000 },
          ],
          { matchedCount: 1, modifiedCount: 1, upsertedCount: 1 },
        );
      return { matchedCount: 1, modifiedCount: 1, upsertedCount: 0 };
    });
    expect(rounds).toEqual([
      [[0, 1, 2, 3], true],
      [[1, 3], false],
    ]);
    expect(result).toEqual({ matchedCount: 2, modifiedCount: 2, upsertedCount: 1 });
  });

  it("lets a bulk error through when any write failed for another reason", async () => {
    const failure = conditionalUpsertMany(2, async () => {
      throw bulkError(
        [
          { index: 0, code: 11000 },
          { index: 1, code: 121 },
        ],
        {},
      );
    });
    await expect(failure).rejects.toThrow("bulk write failed");
  });

  it("writes nothing for no writes", async () => {
    let calls = 0;
    const result = await conditionalUpsertMany(0, async () => {
      calls += 1;
      return { matchedCount: 0, modifiedCount: 0, upsertedCount: 0 };
    });
    expect(calls).toBe(0);
    expect(result.upsertedCount).toBe(0);
  });
});
