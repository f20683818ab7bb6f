import type { Figure } from "./figure.js";

/** What the router costs over asking location directly, at one data-set size. */
export interface RouterOverhead {
  vendors: number;
  p50: number;
  p95: number;
  p99: number;
  rps: number;
}

export function routerOverheads(figures: readonly Figure[]): RouterOverhead[] {
  const overheads: RouterOverhead[] = [];
  for (const router of figures.filter((f) => f.target === "router")) {
    const direct = figures.find((f) => f.target === "location direct" && f.vendors === router.vendors);
    if (!direct) continue;
    overheads.push({
      vendors: router.vendors,
      p50: router.latencyMs.p50 / direct.latencyMs.p50,
      p95: router.latencyMs.p95 / direct.latencyMs.p95,
      p99: router.latencyMs.p99 / direct.latencyMs.p99,
      rps: router.rps / direct.rps,
    });
  }
  return overheads;
}
