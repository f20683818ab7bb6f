/**
 * A map that forgets its oldest tenth when full: for per-process memos that are only ever a shortcut,
 * never the truth, so losing an entry costs a database read and nothing else.
 */
export class BoundedCache<K, V> {
  private readonly entries = new Map<K, V>();

  constructor(private readonly capacity: number) {}

  get(key: K): V | undefined {
    return this.entries.get(key);
  }

  set(key: K, value: V): void {
    if (!this.entries.has(key) && this.entries.size >= this.capacity) {
      // Maps iterate in insertion order: the first keys are the oldest.
      let drop = Math.ceil(this.capacity / 10);
      for (const old of this.entries.keys()) {
        this.entries.delete(old);
        if (--drop === 0) break;
      }
    }
    this.entries.set(key, value);
  }

  delete(key: K): void {
    this.entries.delete(key);
  }
}
