import { carries, type PrometheusSample } from "@venta/testing";

/** A cumulative bucket: observations at or below `le` seconds (`Infinity` for `+Inf`). */
export interface Bucket {
  le: number;
  count: number;
}

/** What a Prometheus histogram gained between two scrapes, over the series chosen. */
export interface HistogramDelta {
  count: number;
  /** Seconds. */
  sum: number;
  /** Cumulative, by ascending `le`, summed over the series (which share their bounds). */
  buckets: Bucket[];
}

/** A stage's figure over a window: its samples, their mean, and its p99 read off the buckets. */
export interface StageStats {
  count: number;
  /** Null without samples. */
  meanMs: number | null;
  /** Interpolated within its bucket, as `histogram_quantile` does; null without samples. */
  p99Ms: number | null;
  /** True when the p99 fell past the highest finite bucket: `p99Ms` is then that bound, a floor. */
  p99AtLeast: boolean;
}

const leOf = (sample: PrometheusSample): number => {
  const le = sample.labels.le;
  return le === "+Inf" ? Number.POSITIVE_INFINITY : Number(le);
};

/** The totals of one histogram over the series carrying `labels`, in one scrape. */
function totals(samples: readonly PrometheusSample[], name: string, labels: Record<string, string>) {
  let count = 0;
  let sum = 0;
  const buckets = new Map<number, number>();
  for (const sample of samples) {
    if (!carries(sample, labels)) continue;
    if (sample.name === `${name}_count`) count += sample.value;
    else if (sample.name === `${name}_sum`) sum += sample.value;
    else if (sample.name === `${name}_bucket`) {
      const le = leOf(sample);
      if (!Number.isNaN(le)) buckets.set(le, (buckets.get(le) ?? 0) + sample.value);
    }
  }
  return { count, sum, buckets };
}

/**
 * What histogram `name` gained from `before` to `after` over the series carrying `labels`. A series
 * missing from `before` counts from zero (prom-client shows a labelled series once it is first
 * observed); a counter that went back (a restarted process) counts as no change, never as negative.
 */
export function histogramDelta(
  before: readonly PrometheusSample[],
  after: readonly PrometheusSample[],
  name: string,
  labels: Record<string, string> = {},
): HistogramDelta {
  const start = totals(before, name, labels);
  const end = totals(after, name, labels);
  const count = Math.max(0, end.count - start.count);
  const buckets = [...end.buckets.entries()]
    .sort(([a], [b]) => a - b)
    .map(([le, total]) => ({ le, count: Math.max(0, total - (start.buckets.get(le) ?? 0)) }));
  return { count, sum: count > 0 ? Math.max(0, end.sum - start.sum) : 0, buckets };
}

/** Several deltas of one histogram (from several processes) as one: their buckets share bounds. */
export function addDeltas(deltas: readonly HistogramDelta[]): HistogramDelta {
  const buckets = new Map<number, number>();
  let count = 0;
  let sum = 0;
  for (const delta of deltas) {
    count += delta.count;
    sum += delta.sum;
    for (const bucket of delta.buckets) buckets.set(bucket.le, (buckets.get(bucket.le) ?? 0) + bucket.count);
  }
  return {
    count,
    sum,
    buckets: [...buckets.entries()].sort(([a], [b]) => a - b).map(([le, total]) => ({ le, count: total })),
  };
}

/**
 * The `q` quantile of cumulative buckets, interpolated linearly within the bucket it falls in (from
 * the bound below, 0 for the first), as Prometheus' `histogram_quantile`. Past the highest finite
 * bound it answers that bound, flagged as a floor. Null without observations.
 */
export function bucketQuantile(
  q: number,
  buckets: readonly Bucket[],
): { seconds: number; atLeast: boolean } | null {
  const total = buckets.at(-1)?.count ?? 0;
  if (total <= 0) return null;
  const rank = q * total;
  let below = { le: 0, count: 0 };
  for (const bucket of buckets) {
    if (bucket.count >= rank) {
      if (bucket.le === Number.POSITIVE_INFINITY) return { seconds: below.le, atLeast: true };
      const inBucket = bucket.count - below.count;
      const share = inBucket > 0 ? (rank - below.count) / inBucket : 1;
      return { seconds: below.le + (bucket.le - below.le) * share, atLeast: false };
    }
    below = bucket;
  }
  return { seconds: below.le, atLeast: true };
}

/** Count, mean and ≈p99 (milliseconds) of a window's delta. */
export function stageStats(delta: HistogramDelta): StageStats {
  if (delta.count <= 0) return { count: 0, meanMs: null, p99Ms: null, p99AtLeast: false };
  const p99 = bucketQuantile(0.99, delta.buckets);
  return {
    count: delta.count,
    meanMs: (delta.sum / delta.count) * 1_000,
    p99Ms: p99 ? p99.seconds * 1_000 : null,
    p99AtLeast: p99?.atLeast ?? false,
  };
}
