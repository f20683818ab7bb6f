import {
  type Consumption,
  type DomainEvent,
  type EventBus,
  followProjection,
  type Projection,
  type PurchaseCompleted,
  type ReviewSubmitted,
  type VendorLocationUpdated,
} from "@venta/events";
import type { Logger } from "@venta/kit";
import type { LoyaltyService } from "./loyalty.service.js";
import type { VendorPositionRecord } from "./vendor-position.record.js";
import type { VendorPositionsStore } from "./vendor-positions.store.js";

export const POSITIONS_CONSUMER = "marketplace.loyalty-vendor-positions";
export const EARNING_CONSUMER = "marketplace.loyalty-earning";

/**
 * Keeps the latest position of every vendor, which check-ins measure against. Reports are ordered by
 * `recordedAt`, so redeliveries and reordering are harmless.
 */
export function followVendorPositions(
  bus: EventBus,
  positions: VendorPositionsStore,
  log: Logger,
): Consumption {
  return followProjection(bus, vendorPositionsProjection(positions, log));
}

const positionOf = (event: DomainEvent): VendorPositionRecord => {
  const report = event.payload as VendorLocationUpdated;
  return {
    vendorId: report.vendorId,
    lat: report.lat,
    lng: report.lng,
    recordedAt: new Date(report.recordedAt),
  };
};

/**
 * Vendors' latest positions as a projection: what the bus feeds live, and what a replay rebuilds.
 * Fed in batches, one transaction each: location reports positions by the hundred per second.
 */
export function vendorPositionsProjection(positions: VendorPositionsStore, log: Logger): Projection {
  return {
    name: POSITIONS_CONSUMER,
    types: ["location.vendor_location_updated"],
    reset: () => positions.clear(),
    apply: async (event) => {
      const position = positionOf(event);
      const applied = await positions.apply(position);
      log.debug({ vendorId: position.vendorId, applied }, "loyalty vendor position");
    },
    applyAll: async (events) => {
      const changed = await positions.applyAll(events.map(positionOf));
      log.debug({ reports: events.length, changed }, "loyalty vendor positions");
    },
  };
}

/**
 * Awards points for published reviews and completed purchases. Each act has its own ledger
 * reference (`review:<id>`, `purchase:<id>`), so a redelivered event never pays twice.
 */
export function earnLoyaltyPoints(bus: EventBus, loyalty: LoyaltyService, log: Logger): Consumption {
  return bus.consume(
    EARNING_CONSUMER,
    ["marketplace.review_submitted", "payment.purchase_completed"],
    async (event) => {
      const earned =
        event.type === "marketplace.review_submitted"
          ? await loyalty.recordReview(event.payload as ReviewSubmitted)
          : await loyalty.recordPurchase(event.payload as PurchaseCompleted);
      log.debug({ eventId: event.id, type: event.type, earned }, "loyalty points from event");
    },
  );
}
