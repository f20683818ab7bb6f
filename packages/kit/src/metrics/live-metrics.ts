import { Counter, Gauge, Histogram } from "prom-client";
import { LIVE_LEG_BUCKETS, metricsRegistry } from "./registry.js";

const sockets = new Gauge({
  name: "venta_live_sockets",
  help: "Subscription sockets open.",
  labelNames: ["service"] as const,
  registers: [metricsRegistry],
});

const subscriptions = new Gauge({
  name: "venta_live_subscriptions",
  help: "Subscriptions running over those sockets.",
  labelNames: ["service"] as const,
  registers: [metricsRegistry],
});

const fannedOut = new Counter({
  name: "venta_live_events_fanned_out_total",
  help: "Live events handed to subscribers (one per subscriber reached).",
  labelNames: ["service"] as const,
  registers: [metricsRegistry],
});

const acceptToSocket = new Histogram({
  name: "venta_live_accept_to_socket_seconds",
  help: "Time from location accepting a position to the router writing its event to a subscriber's socket.",
  buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
  registers: [metricsRegistry],
});

const feedDelay = new Histogram({
  name: "venta_live_feed_delay_seconds",
  help: "Time from location accepting a position to the router hearing its update from the live feed.",
  buckets: LIVE_LEG_BUCKETS,
  registers: [metricsRegistry],
});

const routerToSocket = new Histogram({
  name: "venta_live_router_to_socket_seconds",
  help: "Time from the router hearing a live update to writing its event to a subscriber's socket: queueing, the selection's execution and pacing.",
  buckets: LIVE_LEG_BUCKETS,
  registers: [metricsRegistry],
});

const byService = new Map<string, ReturnType<typeof bindLiveMetrics>>();

/** One service's live feed gauges and counter; the same bound series for every caller. */
export function liveMetrics(service: string): LiveMetrics {
  let metrics = byService.get(service);
  if (!metrics) {
    metrics = bindLiveMetrics(service);
    byService.set(service, metrics);
  }
  return metrics;
}

function bindLiveMetrics(service: string) {
  const socketGauge = sockets.labels(service);
  const subscriptionGauge = subscriptions.labels(service);
  const fanned = fannedOut.labels(service);
  // Present from the start: a dashboard shows 0, not "no data", before the first socket.
  socketGauge.set(0);
  subscriptionGauge.set(0);
  return {
    socketOpened: () => socketGauge.inc(),
    socketClosed: () => socketGauge.dec(),
    subscriptionStarted: () => subscriptionGauge.inc(),
    subscriptionEnded: () => subscriptionGauge.dec(),
    fannedOut: (events: number) => fanned.inc(events),
  };
}

export type LiveMetrics = ReturnType<typeof bindLiveMetrics>;

/** Records an event written to a socket now, for a position accepted at `acceptedAtMs` (epoch ms). */
export function observeAcceptToSocket(acceptedAtMs: number): void {
  acceptToSocket.observe(Math.max(0, Date.now() - acceptedAtMs) / 1_000);
}

/** Records an update heard from the live feed now, for a position accepted at `acceptedAtMs` (epoch ms). */
export function observeLiveFeedDelay(acceptedAtMs: number): void {
  feedDelay.observe(Math.max(0, Date.now() - acceptedAtMs) / 1_000);
}

/**
 * Records an event written to a socket now, for an update this process heard at `heardAt` (a
 * `performance.now()` reading: one process, so sub-millisecond precision survives).
 */
export function observeRouterToSocket(heardAt: number): void {
  routerToSocket.observe(Math.max(0, performance.now() - heardAt) / 1_000);
}
