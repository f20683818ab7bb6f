import { parseSamples } from "@venta/testing";
import { describe, expect, it } from "vitest";
import { addDeltas, bucketQuantile, histogramDelta, stageStats } from "./histogram-delta.js";

/** A scrape of `h` with cumulative bucket counts at 0.01, 0.1 and 1 s, per service. */
function scrape(series: Record<string, { buckets: [number, number, number]; inf: number; sum: number }>) {
  const lines: string[] = [];
  for (const [service, { buckets, inf, sum }] of Object.entries(series)) {
    for (const [i, le] of ["0.01", "0.1", "1"].entries())
      lines.push(`h_bucket{le="${le}",service="${service}"} ${buckets[i]}`);
    lines.push(`h_bucket{le="+Inf",service="${service}"} ${inf}`, `h_sum{service="${service}"} ${sum}`);
    lines.push(`h_count{service="${service}"} ${inf}`);
  }
  return parseSamples(lines.join("\n"));
}

describe("histogram deltas", () => {
  const before = scrape({
    a: { buckets: [10, 20, 30], inf: 30, sum: 3 },
    b: { buckets: [1, 1, 1], inf: 1, sum: 0.005 },
  });
  const after = scrape({
    a: { buckets: [15, 120, 130], inf: 131, sum: 9 },
    b: { buckets: [2, 2, 2], inf: 2, sum: 0.01 },
  });

  it("takes what one series gained: count, sum and each cumulative bucket", () => {
    expect(histogramDelta(before, after, "h", { service: "a" })).toEqual({
      count: 101,
      sum: 6,
      buckets: [
        { le: 0.01, count: 5 },
        { le: 0.1, count: 100 },
        { le: 1, count: 100 },
        { le: Number.POSITIVE_INFINITY, count: 101 },
      ],
    });
  });

  it("adds up the series carrying the labels asked for", () => {
    const delta = histogramDelta(before, after, "h");
    expect(delta.count).toBe(102);
    expect(delta.sum).toBeCloseTo(6.005);
    expect(delta.buckets[0]).toEqual({ le: 0.01, count: 6 });
  });

  it("counts a series first seen after the window opened from zero", () => {
    const delta = histogramDelta([], after, "h", { service: "b" });
    expect(delta).toMatchObject({ count: 2, sum: 0.01 });
  });

  it("never goes negative when a process restarted between the scrapes", () => {
    expect(histogramDelta(after, before, "h", { service: "a" })).toMatchObject({ count: 0, sum: 0 });
  });

  it("has nothing for a histogram absent from both scrapes", () => {
    expect(histogramDelta(before, after, "nothing")).toEqual({ count: 0, sum: 0, buckets: [] });
  });

  it("adds deltas of one histogram from several processes bucket by bucket", () => {
    const a = histogramDelta(before, after, "h", { service: "a" });
    const b = histogramDelta(before, after, "h", { service: "b" });
    expect(addDeltas([a, b])).toEqual(histogramDelta(before, after, "h"));
  });
});

describe("bucket quantiles", () => {
  const buckets = [
    { le: 0.01, count: 50 },
    { le: 0.1, count: 90 },
    { le: 1, count: 100 },
    { le: Number.POSITIVE_INFINITY, count: 100 },
  ];

  it("interpolates within the bucket the rank falls in, as histogram_quantile does", () => {
    expect(bucketQuantile(0.5, buckets)?.seconds).toBeCloseTo(0.01);
    // Rank 70 is halfway through the 40 observations between 0.01 and 0.1.
    expect(bucketQuantile(0.7, buckets)?.seconds).toBeCloseTo(0.055);
    expect(bucketQuantile(0.99, buckets)).toEqual({ seconds: expect.closeTo(0.91, 5), atLeast: false });
  });

  it("interpolates from zero in the first bucket", () => {
    expect(bucketQuantile(0.25, buckets)?.seconds).toBeCloseTo(0.005);
  });

  it("answers the highest finite bound, as a floor, past the last bucket", () => {
    const slow = [
      { le: 0.1, count: 1 },
      { le: 1, count: 2 },
      { le: Number.POSITIVE_INFINITY, count: 10 },
    ];
    expect(bucketQuantile(0.99, slow)).toEqual({ seconds: 1, atLeast: true });
  });

  it("has no quantile without observations", () => {
    expect(bucketQuantile(0.99, [])).toBeNull();
    expect(bucketQuantile(0.99, [{ le: 1, count: 0 }])).toBeNull();
  });
});

describe("stage stats", () => {
  it("gives the mean and ≈p99 in milliseconds", () => {
    const stats = stageStats({
      count: 100,
      sum: 2,
      buckets: [
        { le: 0.01, count: 50 },
        { le: 0.1, count: 100 },
        { le: Number.POSITIVE_INFINITY, count: 100 },
      ],
    });
    expect(stats.count).toBe(100);
    expect(stats.meanMs).toBeCloseTo(20);
    expect(stats.p99Ms).toBeCloseTo(98.2);
    expect(stats.p99AtLeast).toBe(false);
  });

  it("has no figures without samples", () => {
    expect(stageStats({ count: 0, sum: 0, buckets: [] })).toEqual({
      count: 0,
      meanMs: null,
      p99Ms: null,
      p99AtLeast: false,
    });
  });
});
