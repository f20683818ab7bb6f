/** The label of requests whose operation has no name. */
export const ANONYMOUS_OPERATION = "__anonymous";
/** The label of every operation name past the cap. */
export const OTHER_OPERATION = "__other";
/** The label of requests refused before their operation was read (over budget, unauthenticated). */
export const UNKNOWN_OPERATION = "__unknown";

/** Longer names are not an app's: they count as `__other` without taking a place. */
const MAX_NAME_LENGTH = 100;

/**
 * Operation names as labels, bounded: the first `capacity` distinct names a process sees keep
 * their own label, any later one is `__other`. Names come from clients, so without a cap a
 * caller sending a fresh name per request would grow every series without end.
 */
export class OperationLabels {
  private readonly seen = new Set<string>();

  constructor(private readonly capacity = 200) {}

  labelFor(name: string | null | undefined): string {
    if (!name) return ANONYMOUS_OPERATION;
    if (this.seen.has(name)) return name;
    if (this.seen.size >= this.capacity || name.length > MAX_NAME_LENGTH) return OTHER_OPERATION;
    this.seen.add(name);
    return name;
  }
}
