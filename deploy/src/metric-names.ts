/**
 * The metrics the router and subgraphs export (prom-client, `/metrics`), by name and type: the
 * contract the alert rules and the dashboard are checked against. A histogram `h` is queried as
 * `h_bucket`, `h_sum` and `h_count`; the others by their own name.
 */
export const VENTA_METRICS = {
  venta_graphql_requests_total: "counter",
  venta_graphql_request_duration_seconds: "histogram",
  venta_router_subgraph_fetch_duration_seconds: "histogram",
  venta_router_single_fetch_operations_total: "counter",
  venta_store_operation_duration_seconds: "histogram",
  venta_event_bus_lag: "gauge",
  venta_event_bus_pending: "gauge",
  venta_event_bus_dead_letters: "gauge",
  venta_event_bus_delivery_delay_seconds: "histogram",
  venta_outbox_depth: "gauge",
  venta_outbox_oldest_age_seconds: "gauge",
  venta_outbox_publish_delay_seconds: "histogram",
  venta_notification_queue_depth: "gauge",
  venta_notification_deliveries_total: "counter",
  venta_webhook_queue_depth: "gauge",
  venta_webhook_deliveries_total: "counter",
  venta_live_sockets: "gauge",
  venta_live_subscriptions: "gauge",
  venta_live_events_fanned_out_total: "counter",
  venta_live_accept_to_socket_seconds: "histogram",
  venta_live_feed_delay_seconds: "histogram",
  venta_live_router_to_socket_seconds: "histogram",
  venta_rate_limit_refusals_total: "counter",
  // prom-client's collectDefaultMetrics(), the few the dashboard shows.
  process_cpu_seconds_total: "counter",
  process_resident_memory_bytes: "gauge",
  nodejs_heap_size_used_bytes: "gauge",
  nodejs_eventloop_lag_p99_seconds: "gauge",
} as const;

/** Every series name a query may use: histograms by their three series. */
export const QUERYABLE_SERIES: ReadonlySet<string> = new Set(
  Object.entries(VENTA_METRICS).flatMap(([name, type]) =>
    type === "histogram" ? [`${name}_bucket`, `${name}_sum`, `${name}_count`] : [name],
  ),
);

// Words in PromQL that read like metric names but are not.
const KEYWORDS = new Set([
  "by",
  "without",
  "on",
  "ignoring",
  "group_left",
  "group_right",
  "offset",
  "bool",
  "and",
  "or",
  "unless",
  "le",
  "inf",
  "nan",
]);

/**
 * The metric names a PromQL expression reads: every identifier that is not a function call, a
 * keyword, a label inside `{…}`, `by (…)` or `on (…)`, a string, a duration or a Grafana variable.
 */
export function metricNamesIn(expr: string): string[] {
  const stripped = expr
    .replace(/"(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*'/g, '""')
    .replace(/\{[^}]*\}/g, " ")
    .replace(/\b(?:by|without|on|ignoring|group_left|group_right)\s*\([^)]*\)/g, " ")
    .replace(/\[[^\]]*\]/g, " ")
    .replace(/\$\{?\w+\}?/g, " ");
  const names: string[] = [];
  for (const match of stripped.matchAll(/(?<![\w.:])[A-Za-z_:][\w:]*/g)) {
    const name = match[0];
    const after = stripped.slice((match.index ?? 0) + name.length);
    if (/^\s*\(/.test(after) || KEYWORDS.has(name.toLowerCase())) continue;
    if (/^\d/.test(name)) continue;
    names.push(name);
  }
  return names;
}
