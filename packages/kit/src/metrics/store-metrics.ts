import { Histogram } from "prom-client";
import { metricsRegistry, secondsSince } from "./registry.js";

const storeDurations = new Histogram({
  name: "venta_store_operation_duration_seconds",
  help: "Time a store method took, by store and method.",
  labelNames: ["service", "store", "operation"] as const,
  buckets: [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
  registers: [metricsRegistry],
});

type Method = (...args: unknown[]) => unknown;

// Native promises only: a thenable such as a query builder must reach its caller as it is.
const isPromise = (value: unknown): value is Promise<unknown> => value instanceof Promise;

/**
 * `store` with every method timed under `venta_store_operation_duration_seconds`. A method that
 * returns a promise is timed until it settles and its caller gets a promise that settles the same
 * way; any other method is timed as it runs and returns what it returned, synchronously (SQLite
 * writes that run inside a caller's transaction stay inside it). Methods run on the store itself,
 * so its private fields and its calls to its own methods (which are not timed again) are untouched.
 */
export function timedStore<T extends object>(service: string, key: string, store: T): T {
  // Keyed by the method too: one replaced on the store (a test's spy) is wrapped afresh.
  const wrapped = new Map<string, { method: Method; timed: Method }>();
  return new Proxy(store, {
    get(target, property, receiver) {
      const value: unknown = Reflect.get(target, property, receiver);
      if (typeof value !== "function" || typeof property !== "string" || property === "constructor")
        return value;
      const known = wrapped.get(property);
      if (known?.method === value) return known.timed;
      const method = value as Method;
      const timed = timeMethod(target, method, storeDurations.labels(service, key, property));
      wrapped.set(property, { method, timed });
      return timed;
    },
  });
}

function timeMethod(
  target: object,
  method: Method,
  series: ReturnType<typeof storeDurations.labels>,
): Method {
  return (...args) => {
    const start = performance.now();
    let result: unknown;
    try {
      result = method.apply(target, args);
    } catch (error) {
      series.observe(secondsSince(start));
      throw error;
    }
    if (!isPromise(result)) {
      series.observe(secondsSince(start));
      return result;
    }
    return result.then(
      (value) => {
        series.observe(secondsSince(start));
        return value;
      },
      (error: unknown) => {
        series.observe(secondsSince(start));
        throw error;
      },
    );
  };
}

/** Every store of `stores` (each object-valued key) timed by `timedStore` under its key. */
export function timedStores<T extends object>(service: string, stores: T): T {
  const timed: Record<string, unknown> = {};
  for (const [key, store] of Object.entries(stores)) {
    timed[key] = typeof store === "object" && store !== null ? timedStore(service, key, store) : store;
  }
  return timed as T;
}
