import { describe, expect, it } from "vitest";
import { paced, waitFor } from "./paced.js";

describe("paced", () => {
  it("starts calls at the given rate without waiting for earlier ones", async () => {
    let finished = 0;
    const finishedAtStart: number[] = [];
    const t0 = performance.now();
    const seconds = await paced(5, 100, async () => {
      finishedAtStart.push(finished);
      // Each call takes far longer than the interval: an open loop does not slow down for it.
      await new Promise((resolve) => setTimeout(resolve, 300));
      finished += 1;
    });
    expect(finishedAtStart).toEqual([0, 0, 0, 0, 0]);
    // Five calls at 100/s: the last starts 40 ms after the first.
    expect(seconds).toBeGreaterThanOrEqual(0.039);
    expect(performance.now() - t0).toBeGreaterThanOrEqual(300);
  });

  it("says whether the condition came true in time", async () => {
    let flag = false;
    setTimeout(() => {
      flag = true;
    }, 30);
    expect(await waitFor(() => flag, 1_000)).toBe(true);
    expect(await waitFor(() => false, 60)).toBe(false);
  });
});
