/**
 * Marks objects the router builds itself (from a live event), as opposed to objects it got back
 * from the supergraph. Ours are keyed by field name; the supergraph's are keyed by response key
 * (aliases included), so each kind needs its own way of reading a field.
 */
const OWN = Symbol("built-by-router");

export function own<T extends object>(value: T): T {
  Object.defineProperty(value, OWN, { value: true, enumerable: false });
  return value;
}

export function isOwn(value: unknown): boolean {
  return typeof value === "object" && value !== null && OWN in value;
}
