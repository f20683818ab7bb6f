import type { PersonalDataEraser } from "../contacts/personal-data.js";
import type { NotificationsStore } from "./notifications.store.js";

/** A person's notifications and their deliveries; queued jobs for them find nothing and end. */
export class NotificationsPersonalData implements PersonalDataEraser {
  readonly module = "notifications";

  constructor(private readonly notifications: NotificationsStore) {}

  eraseUser(userId: string): Promise<void> {
    return this.notifications.eraseUser(userId);
  }
}
