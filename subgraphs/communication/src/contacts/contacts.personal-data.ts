import type { ContactsStore } from "./contacts.store.js";
import type { PersonalDataEraser } from "./personal-data.js";

/** Contact details and push devices, and the record that a person was erased. */
export class ContactsPersonalData implements PersonalDataEraser {
  readonly module = "contacts";

  constructor(
    private readonly contacts: ContactsStore,
    private readonly now: () => Date = () => new Date(),
  ) {}

  /** Records the person as erased with the erasure: nothing is written for them afterwards. */
  eraseUser(userId: string): Promise<void> {
    return this.contacts.eraseUser(userId, this.now());
  }
}
