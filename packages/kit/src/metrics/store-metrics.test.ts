import { describe, expect, it } from "vitest";
import { metricsRegistry } from "./registry.js";
import { timedStore, timedStores } from "./store-metrics.js";

/** How many times `store.operation` was timed so far. */
async function timings(store: string, operation: string): Promise<number> {
  const metric = await metricsRegistry.getSingleMetric("venta_store_operation_duration_seconds")?.get();
  const count = metric?.values.find(
    (v) =>
      // A histogram's values are its buckets, sum and count, told apart by their metric name.
      "metricName" in v &&
      v.metricName === "venta_store_operation_duration_seconds_count" &&
      v.labels.service === "test" &&
      v.labels.store === store &&
      v.labels.operation === operation,
  );
  return count?.value ?? 0;
}

class Counters {
  #count = 0;
  add(by: number): number {
    this.#count += by;
    return this.#count;
  }
  async read(): Promise<number> {
    return this.#count;
  }
  async fail(): Promise<never> {
    throw new Error("store down");
  }
  twice(by: number): number {
    this.add(by);
    return this.add(by);
  }
}

describe("timed stores", () => {
  it("keeps synchronous methods synchronous and times them", async () => {
    const store = timedStore("test", "sync", new Counters());
    const result = store.add(2);
    expect(result).toBe(2);
    expect(await timings("sync", "add")).toBe(1);
  });

  it("times promises until they settle and passes their value and rejection through", async () => {
    const store = timedStore("test", "async", new Counters());
    store.add(5);
    await expect(store.read()).resolves.toBe(5);
    await expect(store.fail()).rejects.toThrow("store down");
    expect(await timings("async", "read")).toBe(1);
    expect(await timings("async", "fail")).toBe(1);
  });

  it("runs methods on the store itself: private fields work, inner calls are not timed again", async () => {
    const inner = new Counters();
    const store = timedStore("test", "inner", inner);
    expect(store.twice(3)).toBe(6);
    expect(store).toBeInstanceOf(Counters);
    expect(await timings("inner", "twice")).toBe(1);
    expect(await timings("inner", "add")).toBe(0);
  });

  it("times a method replaced on the store, not the one it replaced", async () => {
    const store = timedStore("test", "replaced", new Counters());
    store.add(1);
    store.add = () => 42;
    expect(store.add(1)).toBe(42);
    expect(await timings("replaced", "add")).toBe(2);
  });

  it("wraps each store of an assembled set under its key, leaving other values alone", async () => {
    const stores = timedStores("test", { counters: new Counters(), label: "x" });
    stores.counters.add(1);
    expect(stores.label).toBe("x");
    expect(await timings("counters", "add")).toBe(1);
  });
});
