import { Field, ID, Int, ObjectType, registerEnumType } from "type-graphql";
import type { Channel, PushPlatform } from "../channels/channel.js";
import { PushPlatformEnum } from "../contacts/push-device.type.js";
import type { DeliveryStatus } from "./notification.record.js";

export const NotificationChannelEnum = {
  PUSH: "PUSH",
  EMAIL: "EMAIL",
  SMS: "SMS",
} as const satisfies Record<Channel, Channel>;

registerEnumType(NotificationChannelEnum, {
  name: "NotificationChannel",
  description: "A way Venta reaches a person outside the app.",
  valuesConfig: {
    PUSH: { description: "A push notification to one of the person's devices." },
    EMAIL: { description: "An e-mail." },
    SMS: { description: "A text message." },
  },
});

export const NotificationDeliveryStatusEnum = {
  QUEUED: "QUEUED",
  SCHEDULED: "SCHEDULED",
  SENT: "SENT",
  FAILED: "FAILED",
} as const satisfies Record<DeliveryStatus, DeliveryStatus>;

registerEnumType(NotificationDeliveryStatusEnum, {
  name: "NotificationDeliveryStatus",
  description: "Where a delivery stands.",
  valuesConfig: {
    QUEUED: {
      description: "Waiting to be sent, or to be tried again after a failed attempt (see `lastError`).",
    },
    SCHEDULED: {
      description: "Held until `scheduledFor`: the person's quiet hours, or a send planned for later.",
    },
    SENT: { description: "Handed to the provider (push service, mail relay, SMS gateway)." },
    FAILED: { description: "Given up: refused for good, or every attempt failed; `lastError` says why." },
  },
});

@ObjectType({ description: "A notification on its way to one destination over one channel." })
export class NotificationDelivery {
  @Field(() => ID, { description: "Identifies the delivery." })
  id!: string;

  @Field(() => NotificationChannelEnum, { description: "The channel it goes over." })
  channel!: Channel;

  @Field(() => PushPlatformEnum, {
    nullable: true,
    description: "For push: the kind of device; null otherwise.",
  })
  platform!: PushPlatform | null;

  @Field(() => String, {
    description: "Where it goes, partly hidden: `d•••@example.com`, `•••0100`, or the end of a push token.",
  })
  destination!: string;

  @Field(() => NotificationDeliveryStatusEnum, { description: "Where the delivery stands." })
  status!: DeliveryStatus;

  @Field(() => Int, { description: "Attempts made so far." })
  attempts!: number;

  @Field(() => String, { nullable: true, description: "Why the last attempt failed; null when it did not." })
  lastError!: string | null;

  @Field(() => Date, { description: "When it may go out (ISO 8601)." })
  scheduledFor!: Date;

  @Field(() => Date, {
    nullable: true,
    description: "When the provider accepted it (ISO 8601); null until then.",
  })
  sentAt!: Date | null;

  @Field(() => Date, { description: "When its status last changed (ISO 8601)." })
  updatedAt!: Date;
}
