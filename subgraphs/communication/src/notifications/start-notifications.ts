import type { Consumption, EventBus } from "@venta/events";
import { type Logger, watchNotificationQueue } from "@venta/kit";
import { followVendorAlerts } from "../alerts/vendor-alerts.consumer.js";
import { followAccountDeletions } from "../contacts/account-deletions.js";
import type { CommunicationServices } from "../module.js";
import { followMarketplacePreferences } from "../preferences/marketplace-preferences.consumer.js";

export interface RunningNotifications {
  stop(): Promise<void>;
}

/**
 * Starts notifications' background work in this process: the delivery worker, deliveries left
 * unqueued by a crash queued again, and the bus consumers (alerts, account deletions and
 * marketplace's deprecated notification switches).
 */
export async function startNotifications(
  services: CommunicationServices,
  bus: EventBus,
  log: Logger,
): Promise<RunningNotifications> {
  const { queue, worker, channels } = services.delivery;
  worker.start();
  const stopWatching = watchNotificationQueue(() => queue.waiting());
  const requeued = await services.notifications.requeueUnfinished();
  if (requeued > 0) log.info({ requeued }, "queued unfinished deliveries again");
  const consumptions: Consumption[] = [
    ...followVendorAlerts(bus, services.vendorAlerts, log),
    followAccountDeletions(bus, services.contacts, log),
    followMarketplacePreferences(bus, services.notificationSettings, log),
  ];
  log.info({ queue: queue.adapter, ...channels.describe() }, "notification adapters");
  return {
    stop: async () => {
      stopWatching();
      await Promise.all(consumptions.map((consumption) => consumption.stop()));
      await queue.close();
      await channels.close();
    },
  };
}
