import { type Span, SpanKind, SpanStatusCode, trace } from "@opentelemetry/api";
import { mapStores, wrapStoreMethods } from "./store-methods.js";
import { tracingStarted } from "./tracing-state.js";

const tracer = trace.getTracer("@venta/store");

const failed = (span: Span, error: unknown) => {
  span.setStatus({
    code: SpanStatusCode.ERROR,
    message: error instanceof Error ? error.message : String(error),
  });
  span.end();
};

/**
 * The store with each method call in a span (`store reviews.forVendor`), a child of the request's
 * span, so a trace shows the time each request spent in its database. Calls keep the store itself
 * as `this` (private fields work). A wrapper over the store's own interface: other wrappers (metrics)
 * compose with it in either order. Calls outside any span (background loops) run untraced. Without
 * tracing the store is returned untouched.
 */
export function traceStore<T extends object>(storeKey: string, store: T): T {
  if (!tracingStarted()) return store;
  return wrapStoreMethods(store, (property, call) => (...args) => {
    // Background loops (outbox polls, due-work sweeps) run outside any request: a root trace per
    // poll would bury the requests' traces, so only calls made for a traced request get a span.
    if (!trace.getActiveSpan()) return call(args);
    return tracer.startActiveSpan(
      `store ${storeKey}.${property}`,
      { kind: SpanKind.CLIENT, attributes: { "venta.store": storeKey, "db.operation.name": property } },
      (span) => {
        let result: unknown;
        try {
          result = call(args);
        } catch (error) {
          failed(span, error);
          throw error;
        }
        if (result instanceof Promise)
          return result.then(
            (settled: unknown) => {
              span.end();
              return settled;
            },
            (error: unknown) => {
              failed(span, error);
              throw error;
            },
          );
        span.end();
        return result;
      },
    );
  });
}

/** What an opened set of stores carries beside the stores themselves: not traced. */
const NOT_STORES = new Set(["outbox", "ping", "close"]);

/** Every store of an opened set (`openLocationStores(...)`) traced by `traceStore`, under its key. */
export function traceStores<S extends object>(stores: S): S {
  if (!tracingStarted()) return stores;
  return mapStores(stores, traceStore, NOT_STORES);
}
