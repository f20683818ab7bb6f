import type { ChannelSwitches, NotificationTopic } from "../notifications/topics.js";
import type { NotificationSettingsRecord } from "./notification-settings.record.js";

/** Where notification settings live. Each adapter must pass `notification-settings.store.contract.ts`. */
export interface NotificationSettingsStore {
  find(userId: string): Promise<NotificationSettingsRecord | null>;
  /** Replaces the person's settings as a whole. */
  save(settings: NotificationSettingsRecord): Promise<void>;
  /**
   * Sets these topics' switches, each unless the topic was changed later than `at` (each topic in an
   * atomic write), making the person's settings if they have none; returns the topics set. Applying
   * the same change again changes nothing.
   */
  applyTopics(
    userId: string,
    topics: Partial<Record<NotificationTopic, ChannelSwitches>>,
    at: Date,
  ): Promise<NotificationTopic[]>;
  eraseUser(userId: string): Promise<void>;
}
