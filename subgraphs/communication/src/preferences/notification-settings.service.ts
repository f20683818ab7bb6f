import { forbidden, type Viewer } from "@venta/auth";
import type { NotificationPreferencesChanged } from "@venta/events";
import { badUserInput, validLocale, validTimeZone } from "@venta/kit";
import type { ContactsStore } from "../contacts/contacts.store.js";
import {
  type ChannelSwitches,
  isNotificationTopic,
  NOTIFICATION_TOPICS,
  type NotificationTopic,
  TOPIC_RULES,
} from "../notifications/topics.js";
import { TOPIC_OF_MARKETPLACE_CATEGORY } from "./marketplace-categories.js";
import type { NotificationSettingsRecord } from "./notification-settings.record.js";
import type { NotificationSettingsStore } from "./notification-settings.store.js";
import { parseClockTime, type QuietHours } from "./quiet-hours.js";

export const DEFAULT_LOCALE = "en";
export const DEFAULT_TIME_ZONE = "UTC";

/** The settings that apply to a person: their choices, their account's defaults, then ours. */
export interface EffectiveSettings {
  userId: string;
  locale: string;
  timeZone: string;
  quietHours: QuietHours | null;
  /** Every topic, in catalogue order. */
  topics: { topic: NotificationTopic; switches: ChannelSwitches }[];
}

/** One topic's switches to change; an absent switch stays as it is. */
export interface TopicChange {
  topic: string;
  push?: boolean | null;
  email?: boolean | null;
  sms?: boolean | null;
}

/** A change to settings: absent fields stay; null locale/time zone falls back to the account's; null quiet hours removes them. */
export interface SettingsChange {
  locale?: string | null;
  timeZone?: string | null;
  quietHours?: { start: string; end: string } | null;
  topics?: readonly TopicChange[] | null;
}

/** Per person: which channels each topic may use, quiet hours, language and time zone. */
export class NotificationSettingsService {
  constructor(
    private readonly settings: NotificationSettingsStore,
    private readonly contacts: ContactsStore,
    private readonly now: () => Date = () => new Date(),
  ) {}

  async effective(userId: string): Promise<EffectiveSettings> {
    const [chosen, contact] = await Promise.all([this.settings.find(userId), this.contacts.find(userId)]);
    return {
      userId,
      locale: chosen?.locale ?? contact?.locale ?? DEFAULT_LOCALE,
      timeZone: chosen?.timeZone ?? contact?.timeZone ?? DEFAULT_TIME_ZONE,
      quietHours: chosen?.quietHours ?? null,
      topics: NOTIFICATION_TOPICS.map((topic) => ({
        topic,
        switches: chosen?.topics[topic] ?? TOPIC_RULES[topic].defaults,
      })),
    };
  }

  /** The signed-in person's settings. */
  mine(viewer: Viewer): Promise<EffectiveSettings> {
    if (viewer.userId === null) throw forbidden("only a signed-in person has notification settings");
    return this.effective(viewer.userId);
  }

  /** Applies the signed-in person's change, checked as a whole before anything is written. */
  async update(viewer: Viewer, change: SettingsChange): Promise<EffectiveSettings> {
    if (viewer.userId === null) throw forbidden("only a signed-in person has notification settings");
    const userId = viewer.userId;
    const current = await this.settings.find(userId);
    const next: NotificationSettingsRecord = {
      userId,
      locale: current?.locale ?? null,
      timeZone: current?.timeZone ?? null,
      quietHours: current?.quietHours ?? null,
      topics: { ...current?.topics },
      topicsChangedAt: { ...current?.topicsChangedAt },
      updatedAt: this.now(),
    };
    if (change.locale !== undefined) next.locale = validLocale(change.locale);
    if (change.timeZone !== undefined) next.timeZone = validTimeZone(change.timeZone);
    if (change.quietHours !== undefined)
      next.quietHours = change.quietHours && validQuietHours(change.quietHours);
    const seen = new Set<string>();
    for (const topicChange of change.topics ?? []) {
      const { topic } = topicChange;
      if (!isNotificationTopic(topic)) throw badUserInput(`"${topic}" is not a notification topic`, "topics");
      if (seen.has(topic)) throw badUserInput(`${topic} is given twice`, "topics");
      seen.add(topic);
      const was = next.topics[topic] ?? TOPIC_RULES[topic].defaults;
      next.topics[topic] = {
        push: topicChange.push ?? was.push,
        email: topicChange.email ?? was.email,
        sms: topicChange.sms ?? was.sms,
      };
      next.topicsChangedAt[topic] = next.updatedAt;
    }
    await this.settings.save(next);
    return this.effective(userId);
  }

  /**
   * Applies switches the person set through marketplace's deprecated
   * `UpdatePreferencesInput.notifications`, for the categories that have a topic here, unless the
   * topic was changed later (here or there); returns the topics changed. Safe to apply again.
   */
  async applyMarketplaceChange(change: NotificationPreferencesChanged): Promise<NotificationTopic[]> {
    // A change announced before the account's deletion may arrive after it: nothing is stored then.
    if (await this.contacts.isErased(change.userId)) return [];
    const topics: Partial<Record<NotificationTopic, ChannelSwitches>> = {};
    for (const { category, push, email, sms } of change.preferences) {
      const topic = TOPIC_OF_MARKETPLACE_CATEGORY[category];
      if (topic) topics[topic] = { push, email, sms };
    }
    if (Object.keys(topics).length === 0) return [];
    return this.settings.applyTopics(change.userId, topics, new Date(change.at));
  }
}

function validQuietHours(hours: { start: string; end: string }): QuietHours {
  const startMinute = parseClockTime(hours.start);
  if (startMinute === null)
    throw badUserInput("quietHours.start must be a time such as 22:00", "quietHours.start");
  const endMinute = parseClockTime(hours.end);
  if (endMinute === null) throw badUserInput("quietHours.end must be a time such as 07:00", "quietHours.end");
  if (startMinute === endMinute)
    throw badUserInput("quiet hours must not start and end at the same time", "quietHours");
  return { startMinute, endMinute };
}
