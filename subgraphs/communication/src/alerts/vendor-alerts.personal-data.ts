import type { PersonalDataEraser } from "../contacts/personal-data.js";
import type { VendorAlertsStore } from "./vendor-alerts.store.js";

/** A person's favorites (as projected here) and when they were alerted about which vendor. */
export class VendorAlertsPersonalData implements PersonalDataEraser {
  readonly module = "vendor-alerts";

  constructor(private readonly alerts: VendorAlertsStore) {}

  eraseUser(userId: string): Promise<void> {
    return this.alerts.eraseUser(userId);
  }
}
