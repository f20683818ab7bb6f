import { spawn } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Database from "better-sqlite3";
import { describe, expect, it } from "vitest";
import { openSqliteDatabase } from "./database.sqlite.js";
import { addColumnIfMissing, migrateSqlite, type SqliteMigrations } from "./migrations.sqlite.js";

const notes: SqliteMigrations = {
  module: "notes",
  steps: [
    { version: 1, name: "create notes", up: (db) => db.exec("CREATE TABLE notes (id TEXT PRIMARY KEY)") },
    { version: 2, name: "add text", up: (db) => db.exec("ALTER TABLE notes ADD COLUMN text TEXT") },
  ],
};

describe("migrateSqlite", () => {
  it("applies each module's steps in order once, and records them", () => {
    const db = new Database(":memory:");
    const first = migrateSqlite(db, [notes]);
    expect(first.applied.map((s) => s.version)).toEqual([1, 2]);
    expect(first.before).toEqual({ notes: 0 });
    const again = migrateSqlite(db, [notes]);
    expect(again.applied).toEqual([]);
    expect(again.before).toEqual({ notes: 2 });
    const rows = db.prepare("SELECT module, version, name FROM schema_migrations ORDER BY version").all();
    expect(rows).toEqual([
      { module: "notes", version: 1, name: "create notes" },
      { module: "notes", version: 2, name: "add text" },
    ]);
  });

  it("applies only the steps added since the last run", () => {
    const db = new Database(":memory:");
    migrateSqlite(db, [{ module: "notes", steps: notes.steps.slice(0, 1) }]);
    const report = migrateSqlite(db, [notes]);
    expect(report.applied).toEqual([{ module: "notes", version: 2, name: "add text" }]);
  });

  it("leaves nothing of a failing step behind and stops there", () => {
    const db = new Database(":memory:");
    const failing: SqliteMigrations = {
      module: "notes",
      steps: [
        ...notes.steps.slice(0, 1),
        {
          version: 2,
          name: "half done",
          up: (d) => {
            d.exec("ALTER TABLE notes ADD COLUMN text TEXT");
            throw new Error("boom");
          },
        },
      ],
    };
    expect(() => migrateSqlite(db, [failing])).toThrow("boom");
    const columns = db
      .prepare<[], { name: string }>("PRAGMA table_info(notes)")
      .all()
      .map((c) => c.name);
    expect(columns).toEqual(["id"]);
    expect(migrateSqlite(db, [notes]).applied.map((s) => s.version)).toEqual([2]);
  });

  it("reports a database a newer release migrated, and applies nothing to it", () => {
    const db = new Database(":memory:");
    migrateSqlite(db, [notes]);
    const older = migrateSqlite(db, [{ module: "notes", steps: notes.steps.slice(0, 1) }]);
    expect(older.ahead).toEqual([{ module: "notes", recorded: 2, known: 1 }]);
  });

  it("refuses steps out of order or a module listed twice", () => {
    const db = new Database(":memory:");
    const [one, two] = notes.steps;
    if (!one || !two) throw new Error("fixture");
    expect(() => migrateSqlite(db, [{ module: "notes", steps: [two, one] }])).toThrow("expected 1");
    expect(() => migrateSqlite(db, [notes, notes])).toThrow("listed twice");
  });

  it("lets one of several processes starting together apply each step", async () => {
    const dir = mkdtempSync(join(tmpdir(), "venta-migrations-"));
    // Each process inserts a row in its step: a step applied twice would leave two rows. The
    // processes run the built package, as services do.
    const script = `
      import Database from "better-sqlite3";
      import { migrateSqlite } from "@venta/store";
      const db = new Database(${JSON.stringify(join(dir, "race.db"))});
      db.pragma("journal_mode = WAL");
      db.pragma("busy_timeout = 10000");
      const steps = [1, 2, 3].map((version) => ({ version, name: "step " + version, up: (d) => {
        if (version === 1) d.exec("CREATE TABLE applied (version INTEGER, pid INTEGER)");
        d.prepare("INSERT INTO applied VALUES (?, ?)").run(version, process.pid);
      } }));
      const report = migrateSqlite(db, [{ module: "race", steps }]);
      console.log(JSON.stringify(report.applied.length));
    `;
    const runs = Array.from({ length: 4 }, () => runNode(script));
    const applied = (await Promise.all(runs)).map(Number);
    expect(applied.reduce((a, b) => a + b, 0)).toBe(3);
    const db = openSqliteDatabase(dir, "race");
    expect(db.prepare("SELECT version FROM applied ORDER BY version").all()).toEqual([
      { version: 1 },
      { version: 2 },
      { version: 3 },
    ]);
  });
});

describe("addColumnIfMissing", () => {
  it("adopts a table that already has the column, and adds it to one that has not", () => {
    const db = new Database(":memory:");
    db.exec("CREATE TABLE a (id TEXT, extra TEXT); CREATE TABLE b (id TEXT)");
    addColumnIfMissing(db, "a", "extra", "TEXT");
    addColumnIfMissing(db, "b", "extra", "TEXT NOT NULL DEFAULT ''");
    const columns = (table: string) =>
      db
        .prepare<[], { name: string }>(`PRAGMA table_info(${table})`)
        .all()
        .map((c) => c.name);
    expect(columns("a")).toEqual(["id", "extra"]);
    expect(columns("b")).toEqual(["id", "extra"]);
  });
});

function runNode(script: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ["--input-type=module", "-e", script], {
      cwd: import.meta.dirname,
      stdio: ["ignore", "pipe", "pipe"],
    });
    let out = "";
    let err = "";
    child.stdout.on("data", (chunk: Buffer) => {
      out += chunk.toString();
    });
    child.stderr.on("data", (chunk: Buffer) => {
      err += chunk.toString();
    });
    child.on("exit", (code) => (code === 0 ? resolve(out.trim()) : reject(new Error(err))));
  });
}
