import { isMongoDuplicateKey, registerModel } from "@venta/store";
import { type Connection, type Model, Schema } from "mongoose";
import type { PushPlatform } from "../channels/channel.js";
import type { ContactPatch, ContactRecord, PushDeviceRecord } from "./contact.record.js";
import type { ContactsStore } from "./contacts.store.js";

interface ContactDocument {
  _id: string;
  email: string | null;
  phone: string | null;
  locale: string | null;
  timeZone: string | null;
  updatedAt: Date;
  erasedAt?: Date | null;
}

interface DeviceDocument {
  _id: string;
  userId: string;
  platform: PushPlatform;
  registeredAt: Date;
}

const contactSchema = new Schema<ContactDocument>(
  {
    _id: { type: String, required: true },
    email: { type: String, default: null },
    phone: { type: String, default: null },
    locale: { type: String, default: null },
    timeZone: { type: String, default: null },
    updatedAt: { type: Date },
    erasedAt: { type: Date, default: null },
  },
  { collection: "contacts", versionKey: false, timestamps: false, autoIndex: false },
);

const deviceSchema = new Schema<DeviceDocument>(
  {
    _id: { type: String, required: true },
    userId: { type: String, required: true },
    platform: { type: String, required: true },
    registeredAt: { type: Date, required: true },
  },
  { collection: "push_devices", versionKey: false, timestamps: false, autoIndex: false },
);
deviceSchema.index({ userId: 1, registeredAt: -1 });

/**
 * A deleted person is recorded in `contacts` itself: their details document is replaced by one that
 * holds only `erasedAt`. Writes match `erasedAt: null` and upsert, so a write racing the erasure
 * either lands first (and is replaced) or collides with the tombstone's `_id` and writes nothing:
 * one document, so no transaction is needed for the check to be part of the write.
 */
interface ErasedContactDocument {
  _id: string;
  erasedAt: Date;
}

const toContact = (doc: ContactDocument): ContactRecord => ({
  userId: doc._id,
  email: doc.email ?? null,
  phone: doc.phone ?? null,
  locale: doc.locale ?? null,
  timeZone: doc.timeZone ?? null,
  updatedAt: doc.updatedAt,
});

const toDevice = (doc: DeviceDocument): PushDeviceRecord => ({
  token: doc._id,
  userId: doc.userId,
  platform: doc.platform,
  registeredAt: doc.registeredAt,
});

/** Contact details and push devices in MongoDB; a device's token is its `_id`, so it has one owner. */
export class MongoContactsStore implements ContactsStore {
  private readonly contacts: Model<ContactDocument>;
  private readonly devices: Model<DeviceDocument>;

  constructor(connection: Connection) {
    this.contacts = registerModel<ContactDocument>(connection, "Contact", contactSchema);
    this.devices = registerModel<DeviceDocument>(connection, "PushDevice", deviceSchema);
  }

  async find(userId: string): Promise<ContactRecord | null> {
    const doc = await this.contacts.findOne({ _id: userId, erasedAt: null }).lean<ContactDocument>().exec();
    return doc ? toContact(doc) : null;
  }

  async upsert(userId: string, patch: ContactPatch, at: Date): Promise<ContactRecord | null> {
    // One atomic update: only the given fields are set, so concurrent patches of different fields both land.
    const set: Record<string, unknown> = { updatedAt: at };
    for (const field of ["email", "phone", "locale", "timeZone"] as const) {
      if (patch[field] !== undefined) set[field] = patch[field];
    }
    for (let attempt = 0; ; attempt += 1) {
      try {
        const doc = await this.contacts
          .findOneAndUpdate(
            { _id: userId, erasedAt: null },
            { $set: set },
            { upsert: true, returnDocument: "after" },
          )
          .lean<ContactDocument>()
          .exec();
        if (!doc) throw new Error(`contact ${userId} vanished while it was written`);
        return toContact(doc);
      } catch (error) {
        if (!isMongoDuplicateKey(error)) throw error;
        // The `_id` exists but did not match: a tombstone, or a first write racing this one (the
        // document exists now, so the retry updates it).
        if (attempt > 0 || (await this.isErased(userId))) return null;
      }
    }
  }

  async registerDevice(device: PushDeviceRecord): Promise<PushDeviceRecord | null> {
    // Devices are separate documents, so this is a check, then a write: a registration racing the
    // erasure can slip between them. The router refuses a deleted account's token before either.
    if (await this.isErased(device.userId)) return null;
    await this.devices
      .updateOne(
        { _id: device.token },
        { $set: { userId: device.userId, platform: device.platform, registeredAt: device.registeredAt } },
        { upsert: true },
      )
      .exec();
    return device;
  }

  async unregisterDevice(userId: string, token: string): Promise<boolean> {
    const result = await this.devices.deleteOne({ _id: token, userId }).exec();
    return result.deletedCount === 1;
  }

  async forgetDevice(token: string): Promise<boolean> {
    const result = await this.devices.deleteOne({ _id: token }).exec();
    return result.deletedCount === 1;
  }

  async devicesOf(userId: string): Promise<PushDeviceRecord[]> {
    const docs = await this.devices
      .find({ userId })
      .sort({ registeredAt: -1, _id: -1 })
      .lean<DeviceDocument[]>()
      .exec();
    return docs.map(toDevice);
  }

  async eraseUser(userId: string, at: Date): Promise<void> {
    const tombstone: ErasedContactDocument = { _id: userId, erasedAt: at };
    // The tombstone first: from then on no detail, and (checked) no device, is written.
    await this.contacts
      .replaceOne({ _id: userId, erasedAt: null }, tombstone, { upsert: true })
      .exec()
      .catch((error: unknown) => {
        // Already a tombstone: the first erasure's time stays.
        if (!isMongoDuplicateKey(error)) throw error;
      });
    await this.devices.deleteMany({ userId }).exec();
  }

  async isErased(userId: string): Promise<boolean> {
    return (await this.contacts.exists({ _id: userId, erasedAt: { $ne: null } })) !== null;
  }
}
