import type { ContactPatch, ContactRecord, PushDeviceRecord } from "./contact.record.js";

/** Where contact details and push devices live. Each adapter must pass `contacts.store.contract.ts`. */
export interface ContactsStore {
  find(userId: string): Promise<ContactRecord | null>;
  /**
   * Applies the patch to the person's details (creating them), atomically; returns the result.
   * Null, writing nothing, for an erased person: the check is part of the write.
   */
  upsert(userId: string, patch: ContactPatch, at: Date): Promise<ContactRecord | null>;
  /**
   * Records the device for the person. A token another person registered moves to this one: the
   * app on that device is signed in as someone else now. Null, writing nothing, for an erased person.
   */
  registerDevice(device: PushDeviceRecord): Promise<PushDeviceRecord | null>;
  /** Removes the person's device; false when they had none with this token. */
  unregisterDevice(userId: string, token: string): Promise<boolean>;
  /** Removes a token whoever holds it: the push service said it no longer exists. */
  forgetDevice(token: string): Promise<boolean>;
  /** The person's devices, most recently registered first. */
  devicesOf(userId: string): Promise<PushDeviceRecord[]>;
  /**
   * The person's account was deleted: removes their details and devices and records them as erased,
   * in one transaction, so details written before are removed and none are written after.
   * Idempotent: erasing again keeps the first time.
   */
  eraseUser(userId: string, at: Date): Promise<void>;
  /** Whether `eraseUser` ran for the person: communication keeps nothing new about them then. */
  isErased(userId: string): Promise<boolean>;
}
