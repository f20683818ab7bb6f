import type { Consumption, EventBus, NotificationPreferencesChanged } from "@venta/events";
import type { Logger } from "@venta/kit";
import type { NotificationSettingsService } from "./notification-settings.service.js";

export const MARKETPLACE_PREFERENCES_CONSUMER = "communication.notification-settings.marketplace";

/**
 * Switches set through marketplace's deprecated `UpdatePreferencesInput.notifications` take
 * effect here, where sending reads them. Redeliveries and late arrivals are harmless: a topic
 * keeps whichever change was made last.
 */
export function followMarketplacePreferences(
  bus: EventBus,
  settings: NotificationSettingsService,
  log: Logger,
): Consumption {
  return bus.consume(
    MARKETPLACE_PREFERENCES_CONSUMER,
    ["marketplace.notification_preferences_changed"],
    async (event) => {
      const change = event.payload as NotificationPreferencesChanged;
      const applied = await settings.applyMarketplaceChange(change);
      log.debug({ userId: change.userId, applied }, "applied marketplace notification switches");
    },
  );
}
