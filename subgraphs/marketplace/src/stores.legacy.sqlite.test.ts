import { copyFileSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { repoRoot } from "@venta/kit";
import Database from "better-sqlite3";
import { afterAll, describe, expect, it } from "vitest";
import { openSqlite } from "./stores.js";

const FIXTURE = join(repoRoot(), "e2e/fixtures/legacy-data-dir");

function rowCounts(file: string): Record<string, number> {
  const db = new Database(file, { readonly: true });
  try {
    const tables = db
      .prepare<[], { name: string }>(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name",
      )
      .all();
    return Object.fromEntries(
      tables.map(({ name }) => [
        name,
        db.prepare<[], { n: number }>(`SELECT count(*) AS n FROM "${name}"`).get()?.n ?? 0,
      ]),
    );
  } finally {
    db.close();
  }
}

describe("marketplace stores on a data directory written before versioned migrations", () => {
  const dir = mkdtempSync(join(tmpdir(), "venta-legacy-marketplace-"));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("adopt it without losing a row, and find nothing to do the second time", async () => {
    copyFileSync(join(FIXTURE, "marketplace.db"), join(dir, "marketplace.db"));
    const before: Record<string, number> = JSON.parse(readFileSync(join(FIXTURE, "row-counts.json"), "utf8"))[
      "marketplace.db"
    ];
    const stores = openSqlite(dir);
    // Read through the store: the adopted table has every column the store selects.
    expect((await stores.vendors.list({}, 1)).records.length).toBe(before.vendors ? 1 : 0);
    await stores.close();
    const after = rowCounts(join(dir, "marketplace.db"));
    for (const [table, rows] of Object.entries(before)) expect(after[table], table).toBe(rows);
    const recorded = after.schema_migrations ?? 0;
    expect(recorded).toBeGreaterThan(0);
    await openSqlite(dir).close();
    expect(rowCounts(join(dir, "marketplace.db")).schema_migrations).toBe(recorded);
  });
});
