import type { IncomingMessage, ServerResponse } from "node:http";
import { context, propagation, ROOT_CONTEXT, SpanKind, SpanStatusCode, trace } from "@opentelemetry/api";
import { tracingStarted } from "./tracing-state.js";

const tracer = trace.getTracer("@venta/kit");

/**
 * Serves a request inside a server span that continues the caller's trace (W3C `traceparent`), so
 * the router's span and each subgraph's join one trace. `route` names the span (the route pattern,
 * never the raw path, which may carry ids). Without tracing it just serves.
 */
export function serveTraced(
  req: IncomingMessage,
  res: ServerResponse,
  routeOf: () => string,
  requestId: string,
  serve: () => void,
): void {
  if (!tracingStarted()) {
    serve();
    return;
  }
  const method = req.method ?? "GET";
  const route = routeOf();
  const parent = propagation.extract(ROOT_CONTEXT, req.headers);
  const span = tracer.startSpan(
    `${method} ${route}`,
    {
      kind: SpanKind.SERVER,
      attributes: { "http.request.method": method, "http.route": route, "venta.request_id": requestId },
    },
    parent,
  );
  res.once("close", () => {
    span.setAttribute("http.response.status_code", res.statusCode);
    if (res.statusCode >= 500) span.setStatus({ code: SpanStatusCode.ERROR });
    span.end();
  });
  context.with(trace.setSpan(parent, span), serve);
}

/** Writes the active trace context (`traceparent`, `tracestate`) into outgoing request headers. */
export function injectTraceContext(headers: { set(name: string, value: string): unknown }): void {
  if (!tracingStarted()) return;
  propagation.inject(context.active(), headers, {
    set: (carrier, name, value) => {
      carrier.set(name, value);
    },
  });
}

/** The active trace context as W3C `traceparent` text, to record with something sent later (an event). */
export function activeTraceparent(): string | undefined {
  if (!tracingStarted()) return undefined;
  const carrier: Record<string, string> = {};
  propagation.inject(context.active(), carrier);
  return carrier.traceparent;
}
