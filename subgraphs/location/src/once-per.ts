/**
 * `build`, called once per key: modules that share a store (positions and geofences share one
 * database and evaluate each other's writes) get the same instance from their own factories.
 */
export function oncePer<Key extends object, Value>(build: (key: Key) => Value): (key: Key) => Value {
  const built = new WeakMap<Key, Value>();
  return (key) => {
    let value = built.get(key);
    if (value === undefined) {
      value = build(key);
      built.set(key, value);
    }
    return value;
  };
}
