import type { StageBreakdown } from "./stage-breakdown.js";

export type Target = "store" | "router" | "location direct";

export interface LatencySummary {
  p50: number;
  p95: number;
  p99: number;
  mean: number;
  max: number;
}

/** One measured figure: one target at one data-set size. */
export interface Figure {
  vendors: number;
  target: Target;
  /** Answers measured (after warm-up). */
  requests: number;
  seconds: number;
  rps: number;
  latencyMs: LatencySummary;
  /** Edges per answer, averaged: proof that each query found vendors rather than returning early. */
  meanEdges: number;
  /** Transport errors, non-2xx answers and GraphQL errors together; anything but 0 spoils the figure. */
  errors: number;
  notes: string[];
  /** Where the time went in the services over the measured window (figures over HTTP). */
  stages?: StageBreakdown;
  /** CPU µs each service spent per answer over the measured window (figures over HTTP, Linux). */
  cpuMicrosPerRequest?: Record<string, number>;
}

/** Percentiles by nearest rank over the raw samples, so sub-millisecond differences survive. */
export function summarize(samplesMs: readonly number[]): LatencySummary {
  if (samplesMs.length === 0)
    return { p50: Number.NaN, p95: Number.NaN, p99: Number.NaN, mean: Number.NaN, max: Number.NaN };
  const sorted = Float64Array.from(samplesMs).sort();
  const at = (p: number) => sorted[Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)] as number;
  let sum = 0;
  for (const value of sorted) sum += value;
  return { p50: at(0.5), p95: at(0.95), p99: at(0.99), mean: sum / sorted.length, max: at(1) };
}
