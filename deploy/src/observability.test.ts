import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { type Json, type JsonObject, kubernetesDir } from "./kustomize.js";
import { metricNamesIn, QUERYABLE_SERIES } from "./metric-names.js";

const deployDir = join(kubernetesDir, "..");
const promtool = "/usr/bin/promtool";

const obj = (value: Json | undefined): JsonObject =>
  typeof value === "object" && value !== null && !Array.isArray(value) ? value : {};
const list = (value: Json | undefined): Json[] => (Array.isArray(value) ? value : []);

/** Every panel query (`expr`, anywhere in the tree) in PromQL. */
function exprsIn(value: Json | undefined, found: string[] = []): string[] {
  if (Array.isArray(value)) for (const item of value) exprsIn(item, found);
  else if (typeof value === "object" && value !== null) {
    for (const [key, child] of Object.entries(value)) {
      if (key === "expr" && typeof child === "string") found.push(child);
      else exprsIn(child, found);
    }
  }
  return found;
}

/** The metrics the dashboard's variables list label values of: `label_values(<metric>, <label>)`. */
const variableMetrics = (board: Json): string[] =>
  list(obj(obj(board).templating).list)
    .map(obj)
    .filter((variable) => variable.type === "query")
    .map(
      (variable) =>
        /^label_values\(\s*([\w:]+)\s*,/.exec(String(variable.definition))?.[1] ??
        String(variable.definition),
    );

const dashboard = JSON.parse(readFileSync(join(deployDir, "grafana", "venta.json"), "utf8")) as Json;
const rules = list(
  obj(parse(readFileSync(join(deployDir, "prometheus", "alerts.yml"), "utf8")) as Json).groups,
)
  .flatMap((group) => list(obj(group).rules))
  .map(obj);

describe("metricNamesIn", () => {
  it("finds the series a query reads, and not its functions, labels, durations or variables", () => {
    expect(
      metricNamesIn(
        'histogram_quantile(0.99, sum by (service, le) (rate(a_bucket{service=~"$service",x="y"}[$__rate_interval] offset 5m))) / on (service) group_left b > bool 1e3',
      ),
    ).toEqual(["a_bucket", "b"]);
  });
});

describe("the Grafana dashboard", () => {
  const exprs = exprsIn(dashboard);

  it("queries only the metrics the services export", () => {
    expect(exprs.length).toBeGreaterThan(20);
    expect(variableMetrics(dashboard)).toEqual(["venta_graphql_requests_total"]);
    for (const name of variableMetrics(dashboard)) expect(QUERYABLE_SERIES).toContain(name);
    for (const expr of exprs) {
      const names = metricNamesIn(expr);
      expect(names.length, expr).toBeGreaterThan(0);
      for (const name of names) expect(QUERYABLE_SERIES, `${name} in ${expr}`).toContain(name);
    }
  });

  it("shows each thing the issue asks of it", () => {
    const all = exprs.join("\n");
    for (const metric of [
      "venta_graphql_requests_total",
      "venta_graphql_request_duration_seconds_bucket",
      "venta_router_subgraph_fetch_duration_seconds_bucket",
      "venta_event_bus_lag",
      "venta_outbox_oldest_age_seconds",
      "venta_live_sockets",
      "venta_live_subscriptions",
      "venta_live_accept_to_socket_seconds_bucket",
      "venta_rate_limit_refusals_total",
    ]) {
      expect(all).toContain(metric);
    }
    expect(all).toMatch(/by \([^)]*operation[^)]*\)[^\n]*outcome="error"/);
  });

  it("has panels with unique ids, each on the grid", () => {
    const panels = list(obj(dashboard).panels).map(obj);
    const ids = panels.map((p) => p.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const panel of panels) expect(Object.keys(obj(panel.gridPos)).sort()).toEqual(["h", "w", "x", "y"]);
  });

  it.skipIf(!existsSync(promtool))("writes every query in valid PromQL (promtool parses them)", () => {
    // Grafana's variables replaced by what they stand for, each query made a recording rule.
    const concrete = exprs.map((e) => e.replaceAll("$__rate_interval", "5m").replaceAll("$service", ".*"));
    const dir = mkdtempSync(join(tmpdir(), "venta-dashboard-"));
    try {
      const file = join(dir, "dashboard.rules.json");
      const record = concrete.map((expr, i) => ({ record: `dashboard:query_${i}`, expr }));
      writeFileSync(file, JSON.stringify({ groups: [{ name: "dashboard", rules: record }] }));
      execFileSync(promtool, ["check", "rules", file], { stdio: "pipe" });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe("the Prometheus alert rules", () => {
  it("cover the service levels the issue names", () => {
    expect(rules.map((r) => r.alert).sort()).toEqual([
      "VentaEventBusLagHigh",
      "VentaEventDeadLetters",
      "VentaLiveLatencyHigh",
      "VentaOutboxStale",
      "VentaRouterErrorRateHigh",
      "VentaRouterLatencyHigh",
    ]);
  });

  it("read only the metrics the services export", () => {
    for (const rule of rules) {
      const names = metricNamesIn(String(rule.expr));
      expect(names.length).toBeGreaterThan(0);
      for (const name of names) expect(QUERYABLE_SERIES, `${name} in ${rule.alert}`).toContain(name);
    }
  });

  it.skipIf(!existsSync(promtool))("pass promtool's check and unit tests", () => {
    const prometheusDir = join(deployDir, "prometheus");
    execFileSync(promtool, ["check", "rules", "alerts.yml"], { cwd: prometheusDir, stdio: "pipe" });
    execFileSync(promtool, ["test", "rules", "alerts.test.yml"], { cwd: prometheusDir, stdio: "pipe" });
  });
});
