import type { EventBus } from "@venta/events";
import type { LocationStores } from "@venta/location";
import type { DemoCity } from "./austin.js";

/**
 * Announces the seeded positions on the event bus, as `updateVendorLocation` does for live reports:
 * the seed writes them straight into location's store, and marketplace's search index (and anyone
 * else following positions) learns them from the event, catching up when marketplace starts.
 */
export async function announceSeededPositions(
  { bus, positions }: { bus: EventBus; positions: LocationStores["positions"] },
  city: DemoCity,
): Promise<number> {
  const reports = await positions.currentPositions(city.vendors.map((vendor) => vendor.id));
  await bus.publishAll(
    "location.vendor_location_updated",
    reports.map((report) => ({
      vendorId: report.vendorId,
      lat: report.lat,
      lng: report.lng,
      accuracyMeters: report.accuracyMeters,
      heading: report.heading,
      recordedAt: report.recordedAt.toISOString(),
    })),
  );
  return reports.length;
}
