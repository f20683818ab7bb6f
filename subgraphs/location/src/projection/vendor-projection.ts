import {
  type Consumption,
  type EventBus,
  followProjection,
  type Projection,
  type VendorSnapshot,
} from "@venta/events";
import type { Logger } from "@venta/kit";
import type { PositionsStore } from "../positions/positions.store.js";

export const PROJECTION_CONSUMER = "location.vendor-projection";

/**
 * Keeps location's copy of the vendor attributes that proximity filters on (cuisines, open or
 * closed, verified or not) and of each vendor's owner (who may report its position), fed by
 * marketplace's events.
 */
export function followVendors(bus: EventBus, positions: PositionsStore, log: Logger): Consumption {
  return followProjection(bus, vendorProjection(positions, log));
}

/**
 * The projection behind {@link followVendors}. Snapshots carry a version, so redeliveries and
 * reordering are harmless. A reset forgets only the versions, not the attributes: positions live in
 * the same rows, and a vendor whose snapshots predate the event store must stay listed; the replay
 * then applies every stored snapshot again, in order.
 */
export function vendorProjection(positions: PositionsStore, log: Logger): Projection {
  return {
    name: PROJECTION_CONSUMER,
    types: ["marketplace.vendor_created", "marketplace.vendor_updated"],
    reset: () => positions.forgetSnapshotVersions(),
    apply: async (event) => {
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
  };
}
