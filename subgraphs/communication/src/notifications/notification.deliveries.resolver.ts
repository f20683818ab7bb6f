import { Ctx, FieldResolver, Resolver, Root } from "type-graphql";
import type { CommunicationContext } from "../context.js";
import type { DeliveryRecord, NotificationRecord } from "./notification.record.js";
import { Notification } from "./notification.type.js";
import { NotificationDelivery } from "./notification-delivery.type.js";

/** Shows where a delivery goes without giving the whole address away (admins see these lists too). */
export function maskDestination(delivery: Pick<DeliveryRecord, "channel" | "destination">): string {
  const { channel, destination } = delivery;
  if (channel === "EMAIL") {
    const at = destination.lastIndexOf("@");
    return at > 0 ? `${destination[0]}•••${destination.slice(at)}` : "•••";
  }
  if (channel === "SMS") return `•••${destination.slice(-4)}`;
  return `…${destination.slice(-6)}`;
}

const toType = (delivery: DeliveryRecord): NotificationDelivery => ({
  id: delivery.id,
  channel: delivery.channel,
  platform: delivery.platform,
  destination: maskDestination(delivery),
  status: delivery.status,
  attempts: delivery.attempts,
  lastError: delivery.lastError,
  scheduledFor: delivery.dueAt,
  sentAt: delivery.sentAt,
  updatedAt: delivery.updatedAt,
});

@Resolver(() => Notification)
export class NotificationDeliveriesResolver {
  @FieldResolver(() => [NotificationDelivery], {
    description: "How the notification went out: one delivery per channel and destination, oldest first.",
  })
  async deliveries(
    @Root() notification: NotificationRecord,
    @Ctx() ctx: CommunicationContext,
  ): Promise<NotificationDelivery[]> {
    const records = await ctx.notificationLoaders.deliveries.load(notification.id);
    return records.map(toType);
  }

  @FieldResolver(() => Boolean, { description: "Whether the person has read it." })
  isRead(@Root() notification: NotificationRecord): boolean {
    return notification.readAt !== null;
  }
}
