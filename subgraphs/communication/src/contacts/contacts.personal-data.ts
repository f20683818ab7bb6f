import type { ContactsStore } from "./contacts.store.js";
import type { PersonalDataEraser } from "./personal-data.js";

/** Contact details and push devices. */
export class ContactsPersonalData implements PersonalDataEraser {
  readonly module = "contacts";

  constructor(private readonly contacts: ContactsStore) {}

  eraseUser(userId: string): Promise<void> {
    return this.contacts.eraseUser(userId);
  }
}
