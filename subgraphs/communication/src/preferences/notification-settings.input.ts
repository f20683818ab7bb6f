import { Field, InputType } from "type-graphql";
import { NotificationTopicEnum } from "../notifications/notification-topic.type.js";
import type { NotificationTopic } from "../notifications/topics.js";

@InputType({ description: "Quiet hours to set." })
export class QuietHoursInput {
  @Field(() => String, { description: 'When they begin, "HH:MM" on a 24-hour clock.' })
  start!: string;

  @Field(() => String, { description: 'When they end, "HH:MM"; must differ from `start`.' })
  end!: string;
}

@InputType({ description: "Channel switches of one topic to change; an omitted switch stays as it is." })
export class NotificationTopicSettingInput {
  @Field(() => NotificationTopicEnum, { description: "The topic; at most once per change." })
  topic!: NotificationTopic;

  @Field(() => Boolean, { nullable: true, description: "Push notifications on or off." })
  push?: boolean | null;

  @Field(() => Boolean, { nullable: true, description: "E-mail on or off." })
  email?: boolean | null;

  @Field(() => Boolean, { nullable: true, description: "Text messages on or off." })
  sms?: boolean | null;
}

@InputType({
  description:
    "Changes to notification settings: omitted fields stay as they are; null locale or timeZone goes back to the account's, null quietHours removes them.",
})
export class UpdateNotificationSettingsInput {
  @Field(() => String, {
    nullable: true,
    description: "Language for notifications, a BCP 47 tag such as `es-MX`.",
  })
  locale?: string | null;

  @Field(() => String, { nullable: true, description: "An IANA time zone such as `America/Chicago`." })
  timeZone?: string | null;

  @Field(() => QuietHoursInput, { nullable: true, description: "Quiet hours, or null for none." })
  quietHours?: QuietHoursInput | null;

  @Field(() => [NotificationTopicSettingInput], {
    nullable: true,
    description: "Topics whose switches change; topics not listed keep theirs.",
  })
  topics?: NotificationTopicSettingInput[] | null;
}
