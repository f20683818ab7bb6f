import type { PersonalDataEraser } from "../contacts/personal-data.js";
import type { NotificationSettingsStore } from "./notification-settings.store.js";

/** A person's notification settings. */
export class NotificationSettingsPersonalData implements PersonalDataEraser {
  readonly module = "notification-settings";

  constructor(private readonly settings: NotificationSettingsStore) {}

  eraseUser(userId: string): Promise<void> {
    return this.settings.eraseUser(userId);
  }
}
