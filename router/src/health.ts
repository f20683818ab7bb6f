import { type HealthReport, runHealthChecks } from "@venta/kit";
import type { SubgraphName } from "./subgraphs.js";

export interface RouterHealth {
  /** `degraded` while any subgraph is down: the router still serves partial data. */
  status: "ok" | "degraded";
  service: "router";
  subgraphs: HealthReport["checks"];
}

/** Asks each subgraph's `/health` (next to its `/graphql`). */
export async function subgraphHealth(urls: Record<SubgraphName, string>): Promise<RouterHealth> {
  const checks = Object.fromEntries(
    Object.entries(urls).map(([name, url]) => [
      name,
      async () => {
        const response = await fetch(new URL("/health", url), { signal: AbortSignal.timeout(2_000) });
        if (!response.ok) throw new Error(`health answered ${response.status}`);
      },
    ]),
  );
  const report = await runHealthChecks("router", checks);
  return { status: report.status === "ok" ? "ok" : "degraded", service: "router", subgraphs: report.checks };
}
