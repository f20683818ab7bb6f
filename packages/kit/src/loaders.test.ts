import { describe, expect, it } from "vitest";
import { keyedLoader } from "./loaders.js";

describe("keyedLoader", () => {
  it("batches loads from one tick into one fetch and maps results back by key", async () => {
    const calls: (readonly string[])[] = [];
    const loader = keyedLoader(
      async (ids: readonly string[]) => {
        calls.push(ids);
        return ids.filter((id) => id !== "missing").map((id) => ({ id, name: id.toUpperCase() }));
      },
      (row) => row.id,
    );
    const results = await Promise.all(["b", "missing", "a", "b"].map((id) => loader.load(id)));
    expect(results).toEqual([{ id: "b", name: "B" }, null, { id: "a", name: "A" }, { id: "b", name: "B" }]);
    expect(calls).toEqual([["b", "missing", "a"]]);
  });
});
