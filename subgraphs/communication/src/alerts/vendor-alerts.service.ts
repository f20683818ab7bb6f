import type { GeofenceTriggered } from "@venta/events";
import { greatCircleMeters } from "@venta/geo";
import type { Logger } from "@venta/kit";
import type { ContactsStore } from "../contacts/contacts.store.js";
import type { NotificationsService } from "../notifications/notifications.service.js";
import type { FavoriteFact, VendorFact } from "./vendor-alert.record.js";
import type { VendorAlertsStore } from "./vendor-alerts.store.js";

export type AlertOutcome =
  /** The person was notified (or a redelivery finished notifying them). */
  | "NOTIFIED"
  /** They heard about this vendor within the period already. */
  | "THROTTLED"
  /** Not an alert: another kind of crossing, a vendor not among their favorites, an unlisted vendor. */
  | "IGNORED";

/**
 * The headline flow: a vendor a person favorited comes into one of that person's alert zones, and
 * the person hears about it ("Taco Loco is 400 m away") at most once per period per vendor. The
 * limit is a conditional write in the store, so duplicate or concurrent crossings (the bus
 * delivers at least once) cannot notify twice.
 */
export class VendorAlertsService {
  constructor(
    private readonly alerts: VendorAlertsStore,
    /** Who was erased: a favorite announced before an account's deletion may arrive after it. */
    private readonly contacts: ContactsStore,
    private readonly notifications: NotificationsService,
    private readonly periodSeconds: number,
    private readonly log: Logger,
    private readonly now: () => Date = () => new Date(),
  ) {}

  /**
   * Marketplace said a person favorited a vendor or stopped; older news than what is known is
   * ignored, and so is news about a person whose account was deleted (false, nothing stored).
   */
  async favoriteChanged(fact: FavoriteFact): Promise<boolean> {
    if (await this.contacts.isErased(fact.userId)) return false;
    const applied = await this.alerts.applyFavorite(fact);
    // The erasure may have landed between the look above and this write, after it cleared the
    // favorites: it records the person before it clears anything, so this second look sees it.
    if (await this.contacts.isErased(fact.userId)) {
      await this.alerts.eraseUser(fact.userId);
      return false;
    }
    return applied;
  }

  /** Marketplace published a vendor snapshot; an older version than what is known is ignored. */
  vendorChanged(fact: VendorFact): Promise<boolean> {
    return this.alerts.applyVendor(fact);
  }

  /** Handles one `location.geofence_triggered` event; safe to call again with the same event. */
  async onCrossing(eventId: string, crossing: GeofenceTriggered): Promise<AlertOutcome> {
    if (crossing.fenceKind !== "ALERT_ZONE" || crossing.transition !== "ENTER") return "IGNORED";
    // A vendor going offline only ever leaves zones; guarded in case a publisher says otherwise.
    if (crossing.cause === "VENDOR_OFFLINE") return "IGNORED";
    const userId = crossing.ownerId;
    const { vendorId } = crossing;
    if (!(await this.alerts.isFavorite(userId, vendorId))) return "IGNORED";
    const vendor = await this.alerts.vendor(vendorId);
    if (vendor && !vendor.listed) return "IGNORED";
    const now = this.now();
    const claimed = await this.alerts.claimAlert({
      userId,
      vendorId,
      eventId,
      at: now,
      notBefore: new Date(now.getTime() - this.periodSeconds * 1000),
    });
    if (!claimed) {
      this.log.debug({ userId, vendorId, eventId }, "vendor alert held back: already sent this period");
      return "THROTTLED";
    }
    const center = crossing.fenceCenter;
    const meters = center ? greatCircleMeters(center, { lat: crossing.lat, lng: crossing.lng }) : null;
    await this.notifications.notify({
      userId,
      topic: "VENDOR_NEARBY",
      params: { vendorName: vendor?.name ?? null, distance: meters === null ? null : { meters } },
      subjectId: vendorId,
      data: { vendorId, fenceId: crossing.fenceId },
      dedupeKey: `vendor-nearby:${eventId}`,
    });
    return "NOTIFIED";
  }
}
