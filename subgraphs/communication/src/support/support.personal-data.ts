import type { PersonalDataEraser } from "../contacts/personal-data.js";
import type { TicketsStore } from "./tickets.store.js";

/**
 * A person's support tickets with every reply; what they wrote as support stays, no longer
 * theirs (see `TicketsStore.eraseUser`).
 */
export class SupportPersonalData implements PersonalDataEraser {
  readonly module = "support";

  constructor(private readonly tickets: TicketsStore) {}

  eraseUser(userId: string): Promise<void> {
    return this.tickets.eraseUser(userId);
  }
}
