import type {
  Consumption,
  EventBus,
  FavoriteChanged,
  GeofenceTriggered,
  VendorSnapshot,
} from "@venta/events";
import type { Logger } from "@venta/kit";
import type { VendorAlertsService } from "./vendor-alerts.service.js";

export const FAVORITES_CONSUMER = "communication.vendor-alerts.favorites";
export const VENDORS_CONSUMER = "communication.vendor-alerts.vendors";
export const CROSSINGS_CONSUMER = "communication.vendor-alerts.crossings";

/**
 * Alerts' inputs from the bus: marketplace's favorites and vendor snapshots kept as projections
 * here (ordered by time and version, so redeliveries and reordering are harmless), and location's
 * geofence crossings that may turn into notifications.
 */
export function followVendorAlerts(bus: EventBus, alerts: VendorAlertsService, log: Logger): Consumption[] {
  const favorites = bus.consume(
    FAVORITES_CONSUMER,
    ["marketplace.favorite_added", "marketplace.favorite_removed"],
    async (event) => {
      const { userId, vendorId, at } = event.payload as FavoriteChanged;
      const favorited = event.type === "marketplace.favorite_added";
      await alerts.favoriteChanged({ userId, vendorId, favorited, at: new Date(at) });
    },
  );
  const vendors = bus.consume(
    VENDORS_CONSUMER,
    ["marketplace.vendor_created", "marketplace.vendor_updated"],
    async (event) => {
      const snapshot = event.payload as VendorSnapshot;
      await alerts.vendorChanged({
        vendorId: snapshot.vendorId,
        name: snapshot.name,
        // Snapshots from before onboarding carry no state: those vendors were all public.
        listed: snapshot.verification === undefined || snapshot.verification === "VERIFIED",
        version: snapshot.version,
      });
    },
  );
  const crossings = bus.consume(CROSSINGS_CONSUMER, ["location.geofence_triggered"], async (event) => {
    const crossing = event.payload as GeofenceTriggered;
    const outcome = await alerts.onCrossing(event.id, crossing);
    if (outcome !== "IGNORED") {
      log.info({ userId: crossing.ownerId, vendorId: crossing.vendorId, outcome }, "vendor alert");
    }
  });
  return [favorites, vendors, crossings];
}
