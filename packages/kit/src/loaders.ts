import DataLoader from "dataloader";

/**
 * A per-request loader over a store's batch read: every `load` issued in the same tick becomes one
 * `fetchMany` call; keys with no record resolve to `null`.
 */
export function keyedLoader<K, V, C = K>(
  fetchMany: (keys: readonly K[]) => Promise<readonly V[]>,
  keyOf: (value: V) => C,
  cacheKeyOf: (key: K) => C = (key) => key as unknown as C,
): DataLoader<K, V | null, C> {
  return new DataLoader<K, V | null, C>(
    async (keys) => {
      const found = new Map<C, V>();
      for (const value of await fetchMany(keys)) found.set(keyOf(value), value);
      return keys.map((key) => found.get(cacheKeyOf(key)) ?? null);
    },
    { cacheKeyFn: cacheKeyOf, maxBatchSize: 500 },
  );
}
