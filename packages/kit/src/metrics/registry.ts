import type { ServerResponse } from "node:http";
import { collectDefaultMetrics, Registry } from "prom-client";
import type { RouteHandler } from "../http-server.js";

/**
 * The process's one registry: every service in a process (tests start several) shares it, told
 * apart by the `service` label, because Prometheus metric names may be registered only once.
 */
export const metricsRegistry = new Registry();

let processMetricsOn = false;

/** Node's own metrics (event loop lag, heap, GC, handles), under their standard names. */
export function collectProcessMetrics(): void {
  if (processMetricsOn) return;
  processMetricsOn = true;
  collectDefaultMetrics({ register: metricsRegistry });
}

/** Refreshes gauges read from elsewhere (bus stats, queue depths); called on each scrape. */
export type ScrapeSource = () => Promise<void> | void;

const scrapeSources = new Set<ScrapeSource>();

/** A scrape waits this long for a source (a bus or database that hangs), then renders without it. */
const SOURCE_TIMEOUT_MS = 2_000;

/**
 * Reads `source` on every scrape, so nothing is polled between scrapes; returns the function that
 * stops it. A source that fails or hangs leaves its gauges as they were last read.
 */
export function onScrape(source: ScrapeSource): () => void {
  scrapeSources.add(source);
  return () => {
    scrapeSources.delete(source);
  };
}

async function refresh(source: ScrapeSource): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<void>((resolve) => {
    timer = setTimeout(resolve, SOURCE_TIMEOUT_MS);
  });
  try {
    await Promise.race([Promise.resolve().then(source), timeout]);
  } catch {
    // Stale gauges rather than no scrape: the failure shows in the service's own health and logs.
  } finally {
    clearTimeout(timer);
  }
}

/** Every metric in Prometheus' text format, after the scrape sources are read. */
export async function renderMetrics(): Promise<string> {
  await Promise.all([...scrapeSources].map(refresh));
  return metricsRegistry.metrics();
}

/** `/metrics`: the registry in Prometheus' text format, for GET only. */
export const metricsRoute: RouteHandler = async (req, res) => {
  if (req.method !== "GET" && req.method !== "HEAD") {
    send(res, 405, "text/plain; charset=utf-8", "GET only\n");
    return;
  }
  send(res, 200, metricsRegistry.contentType, await renderMetrics());
};

function send(res: ServerResponse, status: number, type: string, text: string): void {
  res.writeHead(status, {
    "content-type": type,
    "content-length": Buffer.byteLength(text),
    "cache-control": "no-store",
    "x-content-type-options": "nosniff",
  });
  res.end(text);
}

/** Seconds since `start`, a `performance.now()` reading. */
export const secondsSince = (start: number): number => (performance.now() - start) / 1_000;

/** Buckets (seconds) for an event's way between processes: milliseconds to half a minute. */
export const EVENT_DELAY_BUCKETS = [
  0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30,
];

/** Buckets (seconds) for a live update's legs, where the work is sub-millisecond. */
export const LIVE_LEG_BUCKETS = [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5];
