import type { ChannelSwitches, NotificationTopic } from "../notifications/topics.js";
import type { QuietHours } from "./quiet-hours.js";

/**
 * What a person chose about notifications. Null locale or time zone: use their account's (from
 * the identity provider). A topic without switches uses the topic's defaults.
 */
export interface NotificationSettingsRecord {
  userId: string;
  locale: string | null;
  timeZone: string | null;
  quietHours: QuietHours | null;
  topics: Partial<Record<NotificationTopic, ChannelSwitches>>;
  /**
   * When each topic's switches were last changed, here or through marketplace's deprecated
   * switches: a change made earlier than that, arriving late, leaves them alone.
   */
  topicsChangedAt: Partial<Record<NotificationTopic, Date>>;
  updatedAt: Date;
}
