/** What a notification is about; each person switches channels on and off per topic. */
export const NOTIFICATION_TOPICS = [
  "VENDOR_NEARBY",
  "CHAT_MESSAGE",
  "SUPPORT_UPDATE",
  "PROMOTION",
  "ACCOUNT",
] as const;
export type NotificationTopic = (typeof NOTIFICATION_TOPICS)[number];

/** Which channels a topic may use for one person. */
export interface ChannelSwitches {
  push: boolean;
  email: boolean;
  sms: boolean;
}

export interface TopicRules {
  /** The switches of a person who never changed them. */
  defaults: ChannelSwitches;
  /** Urgent notifications go out at once, even in quiet hours. */
  urgent: boolean;
}

/**
 * Text messages cost money and interrupt: off everywhere until the person turns them on.
 * Promotions are opt-in on every channel (consent rules for marketing); account notices are
 * urgent because they are about security or money.
 */
export const TOPIC_RULES: Record<NotificationTopic, TopicRules> = {
  VENDOR_NEARBY: { defaults: { push: true, email: true, sms: false }, urgent: false },
  CHAT_MESSAGE: { defaults: { push: true, email: false, sms: false }, urgent: false },
  SUPPORT_UPDATE: { defaults: { push: true, email: true, sms: false }, urgent: false },
  PROMOTION: { defaults: { push: false, email: false, sms: false }, urgent: false },
  ACCOUNT: { defaults: { push: true, email: true, sms: false }, urgent: true },
};

export const isNotificationTopic = (value: string): value is NotificationTopic =>
  (NOTIFICATION_TOPICS as readonly string[]).includes(value);
