import { Histogram } from "prom-client";
import { mapStores, wrapStoreMethods } from "../store-methods.js";
import { metricsRegistry, secondsSince } from "./registry.js";

const storeDurations = new Histogram({
  name: "venta_store_operation_duration_seconds",
  help: "Time a store method took, by store and method.",
  labelNames: ["service", "store", "operation"] as const,
  buckets: [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
  registers: [metricsRegistry],
});

// Native promises only: a thenable such as a query builder must reach its caller as it is.
const isPromise = (value: unknown): value is Promise<unknown> => value instanceof Promise;

/**
 * `store` with every method timed under `venta_store_operation_duration_seconds`. A method that
 * returns a promise is timed until it settles and its caller gets a promise that settles the same
 * way; any other method is timed as it runs and returns what it returned, synchronously (SQLite
 * writes that run inside a caller's transaction stay inside it).
 */
export function timedStore<T extends object>(service: string, key: string, store: T): T {
  return wrapStoreMethods(store, (property, call) => {
    const series = storeDurations.labels(service, key, property);
    return (...args) => {
      const start = performance.now();
      let result: unknown;
      try {
        result = call(args);
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
  });
}

/** Every store of `stores` (each object-valued key) timed by `timedStore` under its key. */
export function timedStores<T extends object>(service: string, stores: T): T {
  return mapStores(stores, (key, store) => timedStore(service, key, store));
}
