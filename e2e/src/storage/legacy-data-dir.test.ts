import { copyFileSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { repoRoot } from "@venta/kit";
import { afterAll, describe, expect, it } from "vitest";
import { countRows } from "./count-rows.js";

const FIXTURE = join(repoRoot(), "e2e/fixtures/legacy-data-dir");

describe("the legacy data directory fixture", () => {
  const copy = mkdtempSync(join(tmpdir(), "venta-legacy-data-"));
  afterAll(() => rmSync(copy, { recursive: true, force: true }));

  it("is only database files, every log checkpointed into them", () => {
    const files = readdirSync(FIXTURE);
    expect(files.filter((file) => file.endsWith("-wal") || file.endsWith("-shm"))).toEqual([]);
    expect(files.filter((file) => file.endsWith(".db")).length).toBeGreaterThan(0);
  });

  it("holds the rows row-counts.json lists, table by table", () => {
    const expected: Record<string, Record<string, number>> = JSON.parse(
      readFileSync(join(FIXTURE, "row-counts.json"), "utf8"),
    );
    const counted: Record<string, Record<string, number>> = {};
    for (const file of readdirSync(FIXTURE).filter((name) => name.endsWith(".db"))) {
      // A copy: opening a database, even to read it, makes its log files beside it for a moment.
      copyFileSync(join(FIXTURE, file), join(copy, file));
      counted[file] = countRows(join(copy, file));
    }
    expect(counted).toEqual(expected);
  });
});
