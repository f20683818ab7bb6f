import type { VendorPositionRecord } from "./vendor-position.record.js";

/**
 * Each vendor's latest report among `positions` (by `recordedAt`; the first of equals): the only
 * one of a batch that can change what a store keeps, so a batch writes each vendor once.
 */
export function latestPerVendor(positions: readonly VendorPositionRecord[]): VendorPositionRecord[] {
  const latest = new Map<string, VendorPositionRecord>();
  for (const position of positions) {
    const held = latest.get(position.vendorId);
    if (!held || position.recordedAt.getTime() > held.recordedAt.getTime())
      latest.set(position.vendorId, position);
  }
  return [...latest.values()];
}
