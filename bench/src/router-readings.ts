/** What one router's `/metrics` said at one moment, as far as the live figures need it. */
export interface RouterReading {
  /** `performance.now()` when the answer came. */
  at: number;
  subscriptions: number;
  sockets: number;
  residentBytes: number;
  cpuSeconds: number;
  /** Live events the router handed to its subscribers since it started. */
  fannedOut: number;
  /** The router's event-loop delay p99 since the previous scrape (prom-client resets it on each). */
  loopLagP99Seconds: number;
}

/** One router over a measured window: what it held at the end, and what the window cost it. */
export interface RouterUsage {
  /** How long the window was: the measured updates and the drain after them. */
  windowSeconds: number;
  subscriptions: number;
  sockets: number;
  residentMiB: number;
  /** Share of one core over the window: 100 is one core busy the whole time. */
  cpuPercent: number;
  fannedOut: number;
  loopLagP99Ms: number;
}

/**
 * The sum of every sample of `name` in a Prometheus text exposition (every label set, e.g. each
 * service's), or NaN when the metric is absent, so a missing metric never reads as a zero.
 */
export function metricValue(exposition: string, name: string): number {
  let sum = 0;
  let found = false;
  for (const line of exposition.split("\n")) {
    if (!line.startsWith(name)) continue;
    const rest = line.slice(name.length);
    if (!rest.startsWith(" ") && !rest.startsWith("{")) continue;
    // `name{labels} value [timestamp]`, or `name value [timestamp]` without labels.
    const afterLabels = rest.startsWith("{") ? rest.slice(rest.indexOf("}") + 1) : rest;
    const token = afterLabels.trim().split(/\s+/)[0];
    const value = token ? Number(token) : Number.NaN;
    if (!Number.isFinite(value)) continue;
    sum += value;
    found = true;
  }
  return found ? sum : Number.NaN;
}

export function parseRouterReading(exposition: string, at: number): RouterReading {
  return {
    at,
    subscriptions: metricValue(exposition, "venta_live_subscriptions"),
    sockets: metricValue(exposition, "venta_live_sockets"),
    residentBytes: metricValue(exposition, "process_resident_memory_bytes"),
    cpuSeconds: metricValue(exposition, "process_cpu_seconds_total"),
    fannedOut: metricValue(exposition, "venta_live_events_fanned_out_total"),
    loopLagP99Seconds: metricValue(exposition, "nodejs_eventloop_lag_p99_seconds"),
  };
}

/** Scrapes the router serving `graphqlUrl` (its `/metrics` is beside `/graphql`). */
export async function readRouter(graphqlUrl: string): Promise<RouterReading> {
  const response = await fetch(new URL("/metrics", graphqlUrl), { signal: AbortSignal.timeout(5_000) });
  if (!response.ok) throw new Error(`${new URL("/metrics", graphqlUrl).href} answered ${response.status}`);
  return parseRouterReading(await response.text(), performance.now());
}

export function routerUsage(before: RouterReading, after: RouterReading): RouterUsage {
  const seconds = (after.at - before.at) / 1000;
  return {
    windowSeconds: seconds,
    subscriptions: after.subscriptions,
    sockets: after.sockets,
    residentMiB: after.residentBytes / 2 ** 20,
    cpuPercent: seconds > 0 ? (100 * (after.cpuSeconds - before.cpuSeconds)) / seconds : Number.NaN,
    fannedOut: after.fannedOut - before.fannedOut,
    loopLagP99Ms: after.loopLagP99Seconds * 1000,
  };
}
