import { type HealthCheck, runHealthChecks } from "./health.js";
import { type RouteHandler, sendJson } from "./http-server.js";

/** Paths every service answers beside its human `/health` report: for orchestrators' probes. */
export const LIVENESS_PATH = "/health/live";
export const READINESS_PATH = "/health/ready";

/**
 * Whether the process still serves HTTP: 200 as long as it can answer at all. It checks no
 * dependency on purpose: an orchestrator restarts a process that fails it, and restarting cannot
 * mend a database or a peer that is down.
 */
export function livenessRoute(service: string): RouteHandler {
  return (_req, res) => sendJson(res, 200, { status: "ok", service });
}

/**
 * Where a service stands in its life: `starting` until it is built and listening, `serving`, then
 * `stopping` from the moment shutdown begins, so load balancers stop sending it new work while it
 * finishes what it holds.
 */
export class ServiceLifecycle {
  private state: "starting" | "serving" | "stopping" = "starting";

  get current(): "starting" | "serving" | "stopping" {
    return this.state;
  }

  serving(): void {
    if (this.state === "starting") this.state = "serving";
  }

  stopping(): void {
    this.state = "stopping";
  }
}

/**
 * Whether this instance should be sent traffic: 503 unless it is serving and every check passes
 * (the same checks as `/health`), 200 otherwise. The body names what failed.
 */
export function readinessRoute(
  service: string,
  lifecycle: ServiceLifecycle,
  checks: Record<string, HealthCheck>,
): RouteHandler {
  return async (_req, res) => {
    if (lifecycle.current !== "serving") {
      sendJson(res, 503, { status: lifecycle.current, service });
      return;
    }
    const report = await runHealthChecks(service, checks);
    sendJson(res, report.status === "ok" ? 200 : 503, report);
  };
}
