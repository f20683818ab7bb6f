import type { Consumption, EventBus, UserDeleted } from "@venta/events";
import type { Logger } from "@venta/kit";
import type { ContactsService } from "./contacts.service.js";

export const ACCOUNT_DELETIONS_CONSUMER = "communication.notifications.user-deleted";

/**
 * A deleted account's contact details, devices, settings, notifications and alert history go with
 * it, and so do its words in chat and its support tickets (every module's eraser runs).
 */
export function followAccountDeletions(bus: EventBus, contacts: ContactsService, log: Logger): Consumption {
  return bus.consume(ACCOUNT_DELETIONS_CONSUMER, ["marketplace.user_deleted"], async (event) => {
    const { userId } = event.payload as UserDeleted;
    await contacts.eraseUser(userId);
    log.info({ userId }, "erased a deleted account's notification data");
  });
}
