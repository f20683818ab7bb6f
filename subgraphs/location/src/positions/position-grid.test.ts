import { sqliteMigrationsOf } from "@venta/kit";
import { migrateSqlite, openSqliteDatabase } from "@venta/store";
import type Database from "better-sqlite3";
import { describe, expect, it } from "vitest";
import { GRID_CELLS_PER_DEGREE, gridCellOf, gridLine, storedCorner } from "./position-grid.js";
import { positionsModule } from "./positions.module.js";
import { SqlitePositionsStore } from "./positions.store.sqlite.js";

/** A repeatable sequence in [0, 1) (mulberry32), so a failure can be replayed. */
function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

const migrate = (db: Database.Database) => migrateSqlite(db, sqliteMigrationsOf([positionsModule]));

/** Each grid cell's count, and what the R*Tree itself holds per cell, side by side. */
function gridAndIndex(db: Database.Database) {
  const grid = db
    .prepare<[], { row: number; col: number; vendors: number }>(
      "SELECT row, col, vendors FROM position_grid WHERE vendors <> 0 ORDER BY row, col",
    )
    .all();
  const counted = new Map<string, number>();
  for (const [lat, lng] of db.prepare("SELECT min_lat, min_lng FROM position_index").raw().all() as [
    number,
    number,
  ][]) {
    const key = `${gridLine(lat)}:${gridLine(lng)}`;
    counted.set(key, (counted.get(key) ?? 0) + 1);
  }
  const index = [...counted]
    .map(([key, vendors]) => {
      const [row, col] = key.split(":").map(Number) as [number, number];
      return { row, col, vendors };
    })
    .sort((a, b) => a.row - b.row || a.col - b.col);
  return { grid, index };
}

describe("position grid", () => {
  it("puts a coordinate in the cell of the float32 corner SQLite's R*Tree stores for it", () => {
    const db = openSqliteDatabase(":memory:", "location");
    db.exec("CREATE VIRTUAL TABLE corners USING rtree(id, min_lat, max_lat, min_lng, max_lng)");
    const insert = db.prepare("INSERT INTO corners VALUES (?, ?, ?, ?, ?)");
    const random = seededRandom(7);
    const values: number[] = [
      0,
      -0.5,
      1 / GRID_CELLS_PER_DEGREE,
      -1 / GRID_CELLS_PER_DEGREE,
      179.99999,
      -179.99999,
    ];
    for (let i = 0; i < 2_000; i += 1) values.push((random() - 0.5) * 360);
    // Just above and below cell edges, where a rounding in the wrong direction changes the cell.
    for (let i = 0; i < 500; i += 1) {
      const edge = Math.round((random() - 0.5) * 360 * GRID_CELLS_PER_DEGREE) / GRID_CELLS_PER_DEGREE;
      values.push(edge + 1e-9, edge - 1e-9, edge);
    }
    for (const [id, value] of values.entries()) insert.run(id, value, value, value, value);
    const stored = db.prepare("SELECT id, min_lat FROM corners").raw().all() as [number, number][];
    for (const [id, corner] of stored) expect(storedCorner(values[id] as number)).toBe(corner);
    db.close();
  });

  it("counts each indexed vendor once, in its corner's cell, through moves, unlisting and relisting", async () => {
    const db = openSqliteDatabase(":memory:", "location");
    migrate(db);
    const store = new SqlitePositionsStore(db);
    const random = seededRandom(11);
    const vendors = Array.from({ length: 60 }, (_, i) => `v${i}`);
    let version = 0;
    for (let step = 0; step < 1_500; step += 1) {
      const vendorId = vendors[Math.floor(random() * vendors.length)] as string;
      if (random() < 0.1) {
        version += 1;
        await store.applyVendor({
          vendorId,
          cuisines: ["tacos"],
          isOpen: true,
          ownerId: null,
          version,
          verified: random() < 0.7,
        });
        continue;
      }
      // Within a few cells of downtown, so vendors keep crossing cell edges.
      await store.record({
        vendorId,
        lat: 30.2672 + (random() - 0.5) * 0.01,
        lng: -97.7431 + (random() - 0.5) * 0.01,
        accuracyMeters: null,
        heading: null,
        recordedAt: new Date(1_767_225_600_000 + step * 1000),
      });
    }
    const { grid, index } = gridAndIndex(db);
    expect(index.length).toBeGreaterThan(10);
    expect(grid).toEqual(index);
    db.close();
  });

  it("is filled from the index when a data file from before it is opened", () => {
    const db = openSqliteDatabase(":memory:", "location");
    db.exec(`
      CREATE VIRTUAL TABLE position_index USING rtree(
        id, min_lat, max_lat, min_lng, max_lng, +lat, +lng, +recorded_at, +is_open
      );
      INSERT INTO position_index VALUES (1, 30.2672, 30.2672, -97.7431, -97.7431, 30.2672, -97.7431, 0, 1);
      INSERT INTO position_index VALUES (2, 30.26721, 30.26721, -97.74311, -97.74311, 30.26721, -97.74311, 0, 1);
      INSERT INTO position_index VALUES (3, -33.8688, -33.8688, 151.2093, 151.2093, -33.8688, 151.2093, 0, 1);
    `);
    migrate(db);
    const { grid, index } = gridAndIndex(db);
    expect(grid).toEqual(index);
    expect(grid.map((cell) => cell.vendors)).toEqual([1, 2]);
    expect(gridCellOf(-33.8688, 151.2093)).toEqual({ row: grid[0]?.row, col: grid[0]?.col });
    db.close();
  });
});
