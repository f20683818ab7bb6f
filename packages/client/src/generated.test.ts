import { readFileSync } from "node:fs";
import { join } from "node:path";
import { generate, loadContext } from "@graphql-codegen/cli";
import { describe, expect, it } from "vitest";

const root = join(import.meta.dirname, "../../..");

describe("the generated client", () => {
  it("matches what codegen.yml produces from the committed API schema (run `npm run codegen`)", async () => {
    const context = await loadContext(join(root, "codegen.yml"));
    context.cwd = root;
    const outputs = await generate(context, false);
    expect(outputs.length).toBeGreaterThan(0);
    for (const { filename, content } of outputs) {
      expect(readFileSync(join(root, filename), "utf8"), `${filename} is stale`).toBe(content);
    }
  });
});
