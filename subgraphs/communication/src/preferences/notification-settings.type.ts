import { Field, ObjectType } from "type-graphql";
import { NotificationTopicEnum } from "../notifications/notification-topic.type.js";
import type { NotificationTopic } from "../notifications/topics.js";

@ObjectType({
  description: "Hours of the day when only urgent notifications go out; others wait until they end.",
})
export class QuietHours {
  @Field(() => String, {
    description: 'When they begin, "HH:MM" on a 24-hour clock in the person\'s time zone.',
  })
  start!: string;

  @Field(() => String, {
    description: 'When they end, "HH:MM"; earlier than `start` means the next day (22:00 to 07:00).',
  })
  end!: string;
}

@ObjectType({ description: "Which channels one notification topic may use." })
export class NotificationTopicSetting {
  @Field(() => NotificationTopicEnum, { description: "The topic these switches are for." })
  topic!: NotificationTopic;

  @Field(() => Boolean, { description: "Push notifications to the person's devices." })
  push!: boolean;

  @Field(() => Boolean, { description: "E-mail." })
  email!: boolean;

  @Field(() => Boolean, { description: "Text messages." })
  sms!: boolean;
}

@ObjectType({ description: "How the signed-in person wants to be notified." })
export class NotificationSettings {
  @Field(() => String, {
    description:
      "The language notifications are written in (BCP 47): the person's choice, else their account's, else en.",
  })
  locale!: string;

  @Field(() => String, {
    description:
      "The IANA time zone quiet hours are read in: the person's choice, else their account's, else UTC.",
  })
  timeZone!: string;

  @Field(() => QuietHours, { nullable: true, description: "Quiet hours; null when there are none." })
  quietHours!: QuietHours | null;

  @Field(() => [NotificationTopicSetting], {
    description: "Every topic with its channel switches; topics never changed show the defaults.",
  })
  topics!: NotificationTopicSetting[];
}
