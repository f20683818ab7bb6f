import type { NotificationSettingsRecord } from "./notification-settings.record.js";

/** Where notification settings live. Each adapter must pass `notification-settings.store.contract.ts`. */
export interface NotificationSettingsStore {
  find(userId: string): Promise<NotificationSettingsRecord | null>;
  /** Replaces the person's settings as a whole. */
  save(settings: NotificationSettingsRecord): Promise<void>;
  eraseUser(userId: string): Promise<void>;
}
