import { parseSamples, type ServiceName } from "@venta/testing";
import { breakdown, type Scrape, type StageBreakdown } from "./stage-breakdown.js";
import type { StagePlan } from "./stage-plans.js";

/** Opened right before a figure's measured window and closed right after it. */
export interface StageWindow {
  open(): Promise<void>;
  /** The window's breakdown; one whose metrics could not be read says why instead of failing the figure. */
  close(): Promise<StageBreakdown>;
}

/** A scrape of each service's `/metrics`, all at once. */
async function scrapeAll(metricsUrls: Record<ServiceName, string>): Promise<Scrape> {
  const entries = await Promise.all(
    Object.entries(metricsUrls).map(async ([service, url]) => {
      const response = await fetch(url);
      if (!response.ok) throw new Error(`${service} /metrics answered ${response.status}`);
      return [service, parseSamples(await response.text())] as const;
    }),
  );
  return Object.fromEntries(entries);
}

/** A window over the services whose `/metrics` are at `metricsUrls`, broken down by `plan`. */
export function stageWindow(metricsUrls: Record<ServiceName, string>, plan: StagePlan): StageWindow {
  let before: Promise<Scrape> | undefined;
  return {
    async open() {
      before = scrapeAll(metricsUrls);
      // Caught here so a failed scrape surfaces in `close`, not as an unhandled rejection meanwhile.
      await before.catch(() => undefined);
    },
    async close() {
      try {
        if (!before) throw new Error("the window was never opened");
        const start = await before;
        return breakdown(plan, start, await scrapeAll(metricsUrls));
      } catch (error) {
        return {
          plan: plan.name,
          stages: [],
          unavailable: error instanceof Error ? error.message : String(error),
        };
      }
    },
  };
}
