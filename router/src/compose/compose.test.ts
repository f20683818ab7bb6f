import { readFileSync } from "node:fs";
import { relative } from "node:path";
import { describe, expect, it } from "vitest";
import { composeSupergraph } from "./compose.js";
import { schemaFiles } from "./schema-files.js";

describe("composition", () => {
  it("composes, and the committed schema files are what the code produces (run `npm run compose`)", async () => {
    const files = schemaFiles(await composeSupergraph());
    for (const [path, expected] of files) {
      const committed = readFileSync(path, "utf8");
      expect(committed, `${relative(process.cwd(), path)} is stale: run \`npm run compose\``).toBe(expected);
    }
  });
});
