import type { ContactPatch, ContactRecord, PushDeviceRecord } from "./contact.record.js";

/** Where contact details and push devices live. Each adapter must pass `contacts.store.contract.ts`. */
export interface ContactsStore {
  find(userId: string): Promise<ContactRecord | null>;
  /** Applies the patch to the person's details (creating them), atomically; returns the result. */
  upsert(userId: string, patch: ContactPatch, at: Date): Promise<ContactRecord>;
  /**
   * Records the device for the person. A token another person registered moves to this one: the
   * app on that device is signed in as someone else now.
   */
  registerDevice(device: PushDeviceRecord): Promise<PushDeviceRecord>;
  /** Removes the person's device; false when they had none with this token. */
  unregisterDevice(userId: string, token: string): Promise<boolean>;
  /** Removes a token whoever holds it: the push service said it no longer exists. */
  forgetDevice(token: string): Promise<boolean>;
  /** The person's devices, most recently registered first. */
  devicesOf(userId: string): Promise<PushDeviceRecord[]>;
  /** Removes the person's details and devices. */
  eraseUser(userId: string): Promise<void>;
}
