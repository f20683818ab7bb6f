import type { Consumption, EventBus, VendorSnapshot } from "@venta/events";
import type { Logger } from "@venta/kit";
import type { ChatVendorsStore } from "./chat-vendors.store.js";

export const CHAT_VENDORS_CONSUMER = "communication.chat-vendors";

/**
 * Keeps chat's copy of each vendor's owner (who answers for it) and listing, fed by marketplace's
 * snapshots. Snapshots carry a version, so redeliveries and reordering are harmless.
 */
export function followChatVendors(bus: EventBus, vendors: ChatVendorsStore, log: Logger): Consumption {
  return bus.consume(
    CHAT_VENDORS_CONSUMER,
    ["marketplace.vendor_created", "marketplace.vendor_updated"],
    async (event) => {
      const snapshot = event.payload as VendorSnapshot;
      const applied = await vendors.apply({
        vendorId: snapshot.vendorId,
        name: snapshot.name,
        ownerId: snapshot.ownerId ?? null,
        // Snapshots from before onboarding carry no state: those vendors were all public.
        listed: snapshot.verification === undefined || snapshot.verification === "VERIFIED",
        version: snapshot.version,
      });
      log.debug(
        { vendorId: snapshot.vendorId, version: snapshot.version, applied },
        "chat vendor projection",
      );
    },
  );
}
