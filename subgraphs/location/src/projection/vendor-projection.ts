import type { Consumption, EventBus, VendorSnapshot } from "@venta/events";
import type { Logger } from "@venta/kit";
import type { PositionsStore } from "../positions/positions.store.js";

export const PROJECTION_CONSUMER = "location.vendor-projection";

/**
 * Keeps location's copy of the vendor attributes that proximity filters on (cuisines, open or
 * closed, verified or not) and of each vendor's owner (who may report its position), fed by
 * marketplace's events.
 * Snapshots carry a version, so redeliveries and reordering are harmless.
 */
export function followVendors(bus: EventBus, positions: PositionsStore, log: Logger): Consumption {
  return bus.consume(
    PROJECTION_CONSUMER,
    ["marketplace.vendor_created", "marketplace.vendor_updated"],
    async (event) => {
      const snapshot = event.payload as VendorSnapshot;
      const applied = await positions.applyVendor({
        vendorId: snapshot.vendorId,
        cuisines: snapshot.cuisines,
        isOpen: snapshot.status === "OPEN",
        ownerId: snapshot.ownerId ?? null,
        version: snapshot.version,
        // Snapshots from before onboarding carry no state: those vendors were all public.
        verified: snapshot.verification === undefined || snapshot.verification === "VERIFIED",
      });
      log.debug({ vendorId: snapshot.vendorId, version: snapshot.version, applied }, "vendor projection");
    },
  );
}
