import { countNotificationDelivery, type Logger } from "@venta/kit";
import { DeliveryRejected } from "../channels/channel.js";
import type { Channels } from "../channels/channels.js";
import type { ContactsStore } from "../contacts/contacts.store.js";
import type { DeliveryJob, DeliveryQueue } from "./delivery-queue.js";
import type { NotificationsStore } from "./notifications.store.js";

/** Long provider errors are cut: the status is for people to read, not a log. */
const MAX_ERROR_LENGTH = 500;

/**
 * Sends queued deliveries through their channel and records how each attempt went. A refusal that
 * cannot change (a bad address) fails the delivery at once; anything else is retried by the queue
 * until the last attempt. A push token the provider says is gone is forgotten.
 */
export class DeliveryWorker {
  constructor(
    private readonly queue: DeliveryQueue,
    private readonly notifications: NotificationsStore,
    private readonly contacts: ContactsStore,
    private readonly channels: Channels,
    private readonly log: Logger,
    private readonly now: () => Date = () => new Date(),
  ) {}

  start(): void {
    this.queue.process((job) => this.deliver(job));
  }

  async deliver(job: DeliveryJob): Promise<void> {
    const delivery = await this.notifications.findDelivery(job.deliveryId);
    // Erased with its person, or finished by an earlier run of this job: nothing to do.
    if (!delivery || delivery.status === "SENT" || delivery.status === "FAILED") return;
    const notification = await this.notifications.findById(delivery.notificationId);
    if (!notification) return;
    const channel = this.channels.for(delivery.channel, delivery.platform);
    try {
      const receipt = await channel.send({
        to: delivery.destination,
        title: delivery.title,
        body: delivery.body,
        data: {
          ...notification.data,
          notificationId: notification.id,
          topic: notification.topic,
          ...(notification.subjectId ? { subjectId: notification.subjectId } : {}),
        },
      });
      const at = this.now();
      await this.notifications.recordAttempt(delivery.id, {
        status: "SENT",
        attempts: job.attempt,
        lastError: null,
        sentAt: at,
        providerMessageId: receipt.providerMessageId,
        updatedAt: at,
      });
      countNotificationDelivery(delivery.channel, "sent");
    } catch (error) {
      const rejected = error instanceof DeliveryRejected;
      const final = rejected || job.lastAttempt;
      const message = (error instanceof Error ? error.message : String(error)).slice(0, MAX_ERROR_LENGTH);
      await this.notifications.recordAttempt(delivery.id, {
        status: final ? "FAILED" : "QUEUED",
        attempts: job.attempt,
        lastError: message,
        sentAt: null,
        providerMessageId: null,
        updatedAt: this.now(),
      });
      countNotificationDelivery(delivery.channel, final ? "failed" : "retried");
      if (rejected && error.destinationGone && delivery.channel === "PUSH") {
        await this.contacts.forgetDevice(delivery.destination);
      }
      this.log.warn(
        {
          deliveryId: delivery.id,
          channel: delivery.channel,
          adapter: channel.adapter,
          attempt: job.attempt,
          final,
          err: error,
        },
        "delivery attempt failed",
      );
      if (!final) throw error;
    }
  }
}
