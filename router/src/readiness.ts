import {
  type HealthReport,
  type RouteHandler,
  runHealthChecks,
  type ServiceLifecycle,
  sendJson,
} from "@venta/kit";
import type { SubgraphName } from "./subgraphs.js";

/** How long one round of subgraph readiness answers is reused: probes from many places cost one round. */
export const SUBGRAPH_READINESS_TTL_MS = 1_000;

export interface ReadinessOptions {
  urls: Record<SubgraphName, string>;
  lifecycle: ServiceLifecycle;
  /** Whether the gateway has loaded the supergraph it plans with. */
  supergraphLoaded: () => boolean;
  ttlMs?: number;
  /** How long one subgraph may take to answer its own readiness check. */
  timeoutMs?: number;
  now?: () => number;
}

/**
 * The router's `/health/ready`: 503 until the supergraph is loaded and every subgraph answers its
 * own `/health/ready`, and from the moment shutdown begins. A router whose subgraph is down still
 * serves partial data, but a load balancer with a healthier router should prefer that one.
 *
 * Subgraph answers are cached for `ttlMs`, and probes arriving while a round is under way wait for
 * it, so any number of probes makes at most one request per subgraph per period.
 */
export function routerReadinessRoute(options: ReadinessOptions): RouteHandler {
  const ttlMs = options.ttlMs ?? SUBGRAPH_READINESS_TTL_MS;
  const timeoutMs = options.timeoutMs ?? 2_000;
  const now = options.now ?? Date.now;
  let cached: { at: number; report: Promise<HealthReport> } | undefined;

  const subgraphs = (): Promise<HealthReport> => {
    if (cached && now() - cached.at < ttlMs) return cached.report;
    const checks = Object.fromEntries(
      Object.entries(options.urls).map(([name, url]) => [
        name,
        async () => {
          const response = await fetch(new URL("/health/ready", url), {
            signal: AbortSignal.timeout(timeoutMs),
          });
          await response.body?.cancel();
          if (!response.ok) throw new Error(`readiness answered ${response.status}`);
        },
      ]),
    );
    const report = runHealthChecks("router", checks, timeoutMs);
    // Reused while in flight; the period starts once the answers are in.
    const round = { at: Number.POSITIVE_INFINITY, report };
    cached = round;
    void report.then(() => {
      round.at = now();
    });
    return report;
  };

  return async (_req, res) => {
    if (options.lifecycle.current !== "serving") {
      sendJson(res, 503, { status: options.lifecycle.current, service: "router" });
      return;
    }
    if (!options.supergraphLoaded()) {
      sendJson(res, 503, { status: "starting", service: "router", detail: "supergraph not loaded" });
      return;
    }
    const report = await subgraphs();
    sendJson(res, report.status === "ok" ? 200 : 503, {
      status: report.status === "ok" ? "ok" : "degraded",
      service: "router",
      subgraphs: report.checks,
    });
  };
}
