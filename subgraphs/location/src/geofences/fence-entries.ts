import { type GeoPoint, greatCircleMeters } from "@venta/geo";
import { ringContains } from "./geofence.geometry.js";
import type { FenceIdentity } from "./geofence.record.js";

/** What a position's look-up needs of one index entry (one box of one fence). */
export interface FenceEntry {
  /** The fence's row. */
  fence: number;
  /** Alert zones watch every listed vendor; a vendor zone only `vendor`. */
  alert: boolean;
  vendor: string | null;
  /** A circle's radius; null for a polygon. */
  radius: number | null;
  /** A circle's centre, or a polygon's flat ring (latitude, longitude of each vertex). */
  coordinates: Float64Array;
  /** The fence as its events describe it, once a crossing needed it. */
  identity?: FenceIdentity;
}

/** Whether the entry's fence holds the point: great-circle distance for a circle, the ring for a polygon. */
export function entryContains(entry: FenceEntry, point: GeoPoint): boolean {
  if (entry.radius === null) return ringContains(entry.coordinates, point);
  const center = { lat: entry.coordinates[0] as number, lng: entry.coordinates[1] as number };
  return greatCircleMeters(center, point) <= entry.radius;
}

/**
 * Index entries already read, by entry id. Entry ids are never reused (a redrawn fence gets new
 * entries), so an entry read once stays true for as long as it exists, in every process sharing the
 * database: no invalidation is needed, only a bound on memory. Reading auxiliary columns costs a
 * look-up per entry, several times the R*Tree search itself, hence this.
 */
export class FenceEntryCache {
  private readonly entries = new Map<number, FenceEntry>();

  constructor(private readonly capacity = 250_000) {}

  get(id: number): FenceEntry | undefined {
    return this.entries.get(id);
  }

  set(id: number, entry: FenceEntry): void {
    if (this.entries.size >= this.capacity) {
      // The oldest tenth goes: maps iterate in insertion order.
      let drop = Math.ceil(this.capacity / 10);
      for (const key of this.entries.keys()) {
        this.entries.delete(key);
        if (--drop === 0) break;
      }
    }
    this.entries.set(id, entry);
  }
}
