import { describe, expect, it } from "vitest";
import { summarize } from "./figure.js";

describe("summarize", () => {
  it("takes percentiles by nearest rank", () => {
    const samples = Array.from({ length: 100 }, (_, i) => 100 - i);
    expect(summarize(samples)).toEqual({ p50: 50, p95: 95, p99: 99, mean: 50.5, max: 100 });
  });

  it("keeps sub-millisecond samples apart", () => {
    expect(summarize([0.2, 0.4, 0.3]).p50).toBe(0.3);
  });

  it("has no figures without samples", () => {
    expect(summarize([]).p95).toBeNaN();
  });
});
