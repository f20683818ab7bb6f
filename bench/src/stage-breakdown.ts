import { carries, type PrometheusSample, type ServiceName } from "@venta/testing";
import { addDeltas, histogramDelta, type StageStats, stageStats } from "./histogram-delta.js";
import type { StagePlan, StageSpec } from "./stage-plans.js";

/** Every service's samples in one scrape. */
export type Scrape = Partial<Record<ServiceName, readonly PrometheusSample[]>>;

/** One row of a breakdown: a stage (or one label value of a split stage) and its figure. */
export interface StageFigure extends StageStats {
  stage: string;
  /** A split stage's row: the values of the labels it was split by. */
  split?: Record<string, string>;
}

/** Where a figure's time went, stage by stage, over its measured window. */
export interface StageBreakdown {
  plan: StagePlan["name"];
  stages: StageFigure[];
  /** Why there are no stages, when the services' metrics could not be read. */
  unavailable?: string;
}

/**
 * The distinct values of the split labels among the series of `spec` in the services' later
 * scrapes, each as the labels that select it, in order of first appearance.
 */
function splits(spec: StageSpec, after: Scrape): Record<string, string>[] {
  const names = spec.splitBy ?? [];
  const seen = new Map<string, Record<string, string>>();
  for (const service of spec.services) {
    for (const sample of after[service] ?? []) {
      if (sample.name !== `${spec.metric}_count` || !carries(sample, spec.labels ?? {})) continue;
      const values = names.map((name) => sample.labels[name] ?? "");
      const key = values.join("\u0000");
      if (!seen.has(key)) seen.set(key, Object.fromEntries(names.map((name, i) => [name, values[i] ?? ""])));
    }
  }
  return [...seen.values()];
}

/** The stage's histogram over the window, added up over its services (their buckets share bounds). */
function windowStats(spec: StageSpec, labels: Record<string, string>, before: Scrape, after: Scrape) {
  const deltas = spec.services.map((service) =>
    histogramDelta(before[service] ?? [], after[service] ?? [], spec.metric, labels),
  );
  return stageStats(addDeltas(deltas));
}

/**
 * A stage's rows: one, or with `splitBy` one per label value that gained samples in the window
 * (most samples first); a stage nothing reached keeps one row without samples, shown as "–".
 */
export function stageRows(spec: StageSpec, before: Scrape, after: Scrape): StageFigure[] {
  const base = spec.labels ?? {};
  if (!spec.splitBy) return [{ stage: spec.stage, ...windowStats(spec, base, before, after) }];
  const rows: StageFigure[] = [];
  for (const split of splits(spec, after)) {
    const stats = windowStats(spec, { ...base, ...split }, before, after);
    if (stats.count > 0)
      rows.push({ stage: `${spec.stage} ${Object.values(split).join(" ")}`, split, ...stats });
  }
  if (rows.length === 0) return [{ stage: spec.stage, ...stageStats(addDeltas([])) }];
  return rows.sort((a, b) => b.count - a.count);
}

/** Every stage of `plan` between two scrapes of the services. */
export function breakdown(plan: StagePlan, before: Scrape, after: Scrape): StageBreakdown {
  return { plan: plan.name, stages: plan.stages.flatMap((spec) => stageRows(spec, before, after)) };
}
