import { forbidden, type Viewer } from "@venta/auth";
import { conflict, validLocale, validTimeZone } from "@venta/kit";
import type { PushPlatform } from "../channels/channel.js";
import type { ContactPatch, ContactRecord, IdentityContact, PushDeviceRecord } from "./contact.record.js";
import { validDeviceToken, validEmail, validPhone } from "./contact.validation.js";
import type { ContactsStore } from "./contacts.store.js";
import type { PersonalDataEraser } from "./personal-data.js";

/** A person rarely has more; past it, the device registered longest ago is dropped. */
export const MAX_PUSH_DEVICES = 10;

/** Changes the person may make to their own details: absent stays, null (or "") clears. */
export interface ContactDetailsChange {
  email?: string | null;
  phone?: string | null;
}

/**
 * Where to reach a person: kept in step with the identity provider (its webhook calls
 * `upsertFromIdentity`), editable by the person, and erased with everything else here on request.
 */
export class ContactsService {
  constructor(
    private readonly contacts: ContactsStore,
    /** Every module's eraser, this one's included: asked when erasing, once every module is built. */
    private readonly erasers: () => readonly PersonalDataEraser[],
    private readonly now: () => Date = () => new Date(),
  ) {}

  /**
   * Creates or updates the person's contact details from the identity provider; idempotent. Every
   * given field is checked before anything is written: a malformed one throws BAD_USER_INPUT.
   * Null for a person whose account was deleted: the provider's late updates store nothing.
   */
  async upsertFromIdentity(input: IdentityContact): Promise<ContactRecord | null> {
    if (input.userId.trim().length === 0) throw new Error("upsertFromIdentity needs a userId");
    const patch: ContactPatch = {};
    if (input.email !== undefined) patch.email = validEmail(input.email);
    if (input.phone !== undefined) patch.phone = validPhone(input.phone);
    if (input.locale !== undefined) patch.locale = validLocale(input.locale);
    if (input.timeZone !== undefined) patch.timeZone = validTimeZone(input.timeZone);
    return this.contacts.upsert(input.userId, patch, this.now());
  }

  /** Erases everything the communication subgraph keeps on the person, module by module; idempotent. */
  async eraseUser(userId: string): Promise<void> {
    for (const eraser of this.erasers()) await eraser.eraseUser(userId);
  }

  /** Whether the person's account was deleted (and their data here erased). */
  isErased(userId: string): Promise<boolean> {
    return this.contacts.isErased(userId);
  }

  contactOf(userId: string): Promise<ContactRecord | null> {
    return this.contacts.find(userId);
  }

  devicesOf(userId: string): Promise<PushDeviceRecord[]> {
    return this.contacts.devicesOf(userId);
  }

  /** The signed-in person changes their own e-mail address or phone number. */
  async updateMine(viewer: Viewer, change: ContactDetailsChange): Promise<ContactRecord> {
    const userId = signedIn(viewer);
    const patch: ContactPatch = {};
    if (change.email !== undefined) patch.email = validEmail(change.email);
    if (change.phone !== undefined) patch.phone = validPhone(change.phone);
    return written(await this.contacts.upsert(userId, patch, this.now()));
  }

  /** Registers (or refreshes) a device of the signed-in person for push notifications. */
  async registerDevice(viewer: Viewer, token: string, platform: PushPlatform): Promise<PushDeviceRecord> {
    const userId = signedIn(viewer);
    const device = written(
      await this.contacts.registerDevice({
        token: validDeviceToken(token),
        userId,
        platform,
        registeredAt: this.now(),
      }),
    );
    const devices = await this.contacts.devicesOf(userId);
    for (const stale of devices.slice(MAX_PUSH_DEVICES))
      await this.contacts.unregisterDevice(userId, stale.token);
    return device;
  }

  /** Stops push notifications to one of the signed-in person's devices; false when it was not theirs. */
  unregisterDevice(viewer: Viewer, token: string): Promise<boolean> {
    return this.contacts.unregisterDevice(signedIn(viewer), token.trim());
  }

  /** The push service says the token is gone (app uninstalled): stop sending to it. */
  forgetDevice(token: string): Promise<boolean> {
    return this.contacts.forgetDevice(token);
  }
}

/** The store refuses an erased person inside its write: an erasure may land after any earlier check. */
function written<T>(record: T | null): T {
  if (record === null) throw conflict("this account was deleted");
  return record;
}

function signedIn(viewer: Viewer): string {
  if (viewer.userId === null) throw forbidden("only a signed-in person has contact details");
  return viewer.userId;
}
