import { PageInfo } from "@venta/kit";
import { Field, ID, Int, ObjectType } from "type-graphql";
import { NotificationTopicEnum } from "./notification-topic.type.js";
import type { NotificationTopic } from "./topics.js";

@ObjectType({ description: "Something Venta told a person, as their app lists it." })
export class Notification {
  @Field(() => ID, { description: "Identifies the notification." })
  id!: string;

  @Field(() => NotificationTopicEnum, { description: "What it is about." })
  topic!: NotificationTopic;

  @Field(() => String, { description: "The headline, in the person's language." })
  title!: string;

  @Field(() => String, { description: "The text, in the person's language." })
  body!: string;

  @Field(() => ID, {
    nullable: true,
    description:
      "What it refers to: the vendor (VENDOR_NEARBY), the conversation (CHAT_MESSAGE), the support ticket (SUPPORT_UPDATE); null otherwise.",
  })
  subjectId!: string | null;

  @Field(() => Date, { description: "When it was made (ISO 8601)." })
  createdAt!: Date;

  @Field(() => Date, {
    nullable: true,
    description: "When the person read it (ISO 8601); null while unread.",
  })
  readAt!: Date | null;
}

@ObjectType({ description: "A notification in a list." })
export class NotificationEdge {
  @Field(() => String, { description: "Opaque position of this edge; pass it as `after` to continue." })
  cursor!: string;

  @Field(() => Notification, { description: "The notification." })
  node!: Notification;
}

@ObjectType({ description: "A page of a person's notifications (Relay cursor connection), newest first." })
export class NotificationConnection {
  @Field(() => [NotificationEdge], { description: "The notifications on this page." })
  edges!: NotificationEdge[];

  @Field(() => PageInfo, { description: "Where this page sits in the list." })
  pageInfo!: PageInfo;

  @Field(() => Int, {
    description: "How many notifications the list holds in all (unread only, when filtered).",
  })
  totalCount!: number;

  @Field(() => Int, { description: "How many of the person's notifications are unread." })
  unreadCount!: number;
}
