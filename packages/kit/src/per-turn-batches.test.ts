import { describe, expect, it } from "vitest";
import { perTurnBatches } from "./per-turn-batches.js";

describe("perTurnBatches", () => {
  it("runs the calls of one turn's I/O callbacks as one batch, each caller getting its own answer", async () => {
    const batches: number[][] = [];
    const double = perTurnBatches<number, number>(async (calls) => {
      batches.push([...calls]);
      return calls.map((n) => n * 2);
    });
    // Three timers due together fire as separate callbacks of one turn, as requests on three sockets do.
    const answers = await Promise.all(
      [1, 2, 3].map((n) => new Promise<number>((resolve) => setTimeout(() => resolve(double(n)), 1))),
    );
    expect(answers).toEqual([2, 4, 6]);
    expect(batches).toEqual([[1, 2, 3]]);
    expect(await double(5)).toBe(10);
    expect(batches.at(-1)).toEqual([5]);
  });

  it("fails only the call whose answer is an Error, and splits batches at the given size", async () => {
    const batches: string[][] = [];
    const check = perTurnBatches<string, string>(async (calls) => {
      batches.push([...calls]);
      return calls.map((call) => (call === "bad" ? new Error("refused bad") : call.toUpperCase()));
    }, 2);
    const settled = await Promise.allSettled(["a", "bad", "c"].map(check));
    expect(settled.map((s) => (s.status === "fulfilled" ? s.value : (s.reason as Error).message))).toEqual([
      "A",
      "refused bad",
      "C",
    ]);
    expect(batches).toEqual([["a", "bad"], ["c"]]);
  });

  it("rejects every call of a batch that fails as a whole", async () => {
    const fail = perTurnBatches<number, number>(async () => {
      throw new Error("down");
    });
    const settled = await Promise.allSettled([fail(1), fail(2)]);
    expect(settled.map((s) => s.status)).toEqual(["rejected", "rejected"]);
  });
});
