import { BoundedCache } from "./bounded-cache.js";
import type { FenceGeometry } from "./geofence.geometry.js";
import type { FenceIdentity } from "./geofence.record.js";

/** What a position's look-up needs of one index entry (one box of one fence). */
export interface FenceEntry extends FenceGeometry {
  /** The fence's row. */
  fence: number;
  /** Alert zones watch every listed vendor; a vendor zone only `vendor`. */
  alert: boolean;
  vendor: string | null;
  /** The fence as its events describe it, once a crossing needed it. */
  identity?: FenceIdentity;
}

/**
 * Index entries already read, by entry id. Entry ids are never reused (a redrawn fence gets new
 * entries), so an entry read once stays true for as long as it exists, in every process sharing the
 * database: no invalidation is needed, only a bound on memory. Reading auxiliary columns costs a
 * look-up per entry, several times the R*Tree search itself, hence this.
 */
export class FenceEntryCache extends BoundedCache<number, FenceEntry> {
  constructor(capacity = 250_000) {
    super(capacity);
  }
}
