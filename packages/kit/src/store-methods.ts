type Method = (...args: unknown[]) => unknown;

/**
 * `store` with each method replaced by `wrap(name, call)`, where `call` runs the original on the
 * store itself (its private fields and its calls to its own methods are untouched). Wrappers are
 * made once per method and made afresh when a method is replaced on the store (a test's spy).
 * Metrics and tracing both wrap stores this way, in either order.
 */
export function wrapStoreMethods<T extends object>(
  store: T,
  wrap: (name: string, call: (args: unknown[]) => unknown) => Method,
): T {
  const wrapped = new Map<string, { method: Method; wrapper: Method }>();
  return new Proxy(store, {
    get(target, property, receiver) {
      const value: unknown = Reflect.get(target, property, receiver);
      if (typeof value !== "function" || typeof property !== "string" || property === "constructor")
        return value;
      const known = wrapped.get(property);
      if (known?.method === value) return known.wrapper;
      const method = value as Method;
      const wrapper = wrap(property, (args) => method.apply(target, args));
      wrapped.set(property, { method, wrapper });
      return wrapper;
    },
  });
}

/** Each store (object-valued key) of `stores`, except those `skip` names, through `wrapStore`. */
export function mapStores<T extends object>(
  stores: T,
  wrapStore: (key: string, store: object) => object,
  skip: ReadonlySet<string> = new Set(),
): T {
  const mapped: Record<string, unknown> = {};
  for (const [key, store] of Object.entries(stores)) {
    mapped[key] =
      !skip.has(key) && typeof store === "object" && store !== null ? wrapStore(key, store) : store;
  }
  // Same keys, each store replaced by a wrapper of its own interface.
  return mapped as T;
}
