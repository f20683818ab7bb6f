import type { PositionEntry } from "./search.record.js";

/**
 * Each vendor's latest position among `entries` (the last of equals, as applying them in turn would
 * keep): the only one of a batch the index can keep, so a batch writes each vendor once.
 */
export function latestPositions(entries: readonly PositionEntry[]): PositionEntry[] {
  const latest = new Map<string, PositionEntry>();
  for (const entry of entries) {
    const held = latest.get(entry.vendorId);
    if (!held || entry.recordedAt.getTime() >= held.recordedAt.getTime()) latest.set(entry.vendorId, entry);
  }
  return [...latest.values()];
}
