import type { Consumption, EventBus, UserDeleted } from "@venta/events";
import type { Logger } from "@venta/kit";
import type { GeofencesStore } from "./geofences.store.js";

export const ACCOUNT_DELETIONS_CONSUMER = "location.geofences.user-deleted";

/**
 * Alert zones (roaming ones follow where the person is) are the only personal data location keeps:
 * vendor zones and positions belong to vendors, and a person owning a vendor cannot delete their
 * account. The erasure records the person as erased with it, so they cannot draw a zone again;
 * a redelivered event finds nothing left to delete.
 */
export function followAccountDeletions(bus: EventBus, geofences: GeofencesStore, log: Logger): Consumption {
  return bus.consume(ACCOUNT_DELETIONS_CONSUMER, ["marketplace.user_deleted"], async (event) => {
    const { userId, at } = event.payload as UserDeleted;
    const zones = await geofences.erasePerson(userId, new Date(at));
    log.info({ userId, zones }, "erased a deleted account's alert zones");
  });
}
