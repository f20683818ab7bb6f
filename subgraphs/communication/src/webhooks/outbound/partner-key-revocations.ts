import type { Consumption, EventBus, EventPayload } from "@venta/events";
import type { Logger } from "@venta/kit";
import type { WebhookDeliveriesStore } from "./webhook-deliveries.store.js";
import type { WebhookSubscriptionsStore } from "./webhook-subscriptions.store.js";

export const KEY_REVOCATIONS_CONSUMER = "communication.webhooks.partner-key-revocations";
/** The failure reason of the deliveries a revoked key leaves waiting. */
export const REVOKED_KEY_FAILURE = "the partner key was revoked";

/**
 * Stops everything of a revoked key: its subscriptions DISABLED as KEY_REVOKED (kept, so admins
 * still see what the key had), then its waiting deliveries given up. In that order, so the fan-out
 * stops adding deliveries before the waiting ones are cleared; one it added meanwhile meets a
 * disabled subscription when it comes due and is given up then. Doing it twice changes nothing.
 */
export async function stopRevokedKey(
  subscriptions: WebhookSubscriptionsStore,
  deliveries: WebhookDeliveriesStore,
  keyId: string,
  at: Date,
): Promise<{ subscriptions: number; deliveries: number }> {
  const disabled = await subscriptions.disableForRevokedKey(keyId, at);
  const cancelled = await deliveries.failPendingOfPartnerKey(keyId, REVOKED_KEY_FAILURE);
  return { subscriptions: disabled, deliveries: cancelled };
}

export interface PartnerKeyRevocationsOptions {
  bus: EventBus;
  subscriptions: WebhookSubscriptionsStore;
  deliveries: WebhookDeliveriesStore;
  log: Logger;
  now?: () => Date;
}

/** Follows marketplace's `partner_key_revoked` events: the revoked key's webhooks stop. */
export function followPartnerKeyRevocations(options: PartnerKeyRevocationsOptions): Consumption {
  const now = options.now ?? (() => new Date());
  return options.bus.consume(KEY_REVOCATIONS_CONSUMER, ["marketplace.partner_key_revoked"], async (event) => {
    if (event.type !== "marketplace.partner_key_revoked") return;
    const { keyId } = event.payload as EventPayload<"marketplace.partner_key_revoked">;
    const stopped = await stopRevokedKey(options.subscriptions, options.deliveries, keyId, now());
    options.log.info({ keyId, ...stopped }, "partner key revoked: its webhooks are stopped");
  });
}
