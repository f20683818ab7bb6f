import { randomUUID } from "node:crypto";
import { conflict, type Logger, notFound } from "@venta/kit";
import type { VendorRecord } from "../vendors/vendor.record.js";
import type { FileAccess, FileStorage } from "./file-storage.js";
import { type MediaUpload, validUpload } from "./media-content.js";
import type { VendorMediaKind, VendorMediaRecord } from "./vendor-media.record.js";
import type { VendorMediaStore } from "./vendor-media.store.js";

/** How many files of each kind one vendor may hold: a profile's gallery, a review's paperwork. */
export const MEDIA_LIMITS: Record<VendorMediaKind, number> = { PHOTO: 20, BUSINESS_DOCUMENT: 10 };

/** Photos are for everyone; documents leave the storage only through our signed links. */
export const accessOf = (kind: VendorMediaKind): FileAccess => (kind === "PHOTO" ? "public" : "private");

/** Storage keys are ours alone: a random id, never anything from the upload. */
const storageKeyOf = (id: string) => `vendor-media/${id}`;

/**
 * Vendor photos and business documents: the bytes go to the file storage, the record to the
 * store. Input is checked before anything is written; a record is never left pointing at bytes
 * that were not stored.
 */
export class VendorMediaService {
  constructor(
    private readonly media: VendorMediaStore,
    private readonly storage: FileStorage,
    private readonly log: Logger,
    private readonly now: () => Date = () => new Date(),
  ) {}

  async upload(vendor: VendorRecord, upload: MediaUpload, uploadedBy: string): Promise<VendorMediaRecord> {
    const { fileName, contentType, bytes } = validUpload(upload);
    const id = randomUUID();
    const storageKey = storageKeyOf(id);
    const access = accessOf(upload.kind);
    const { url } = await this.storage.put(storageKey, bytes, contentType, access);
    const record: VendorMediaRecord = {
      id,
      vendorId: vendor.id,
      kind: upload.kind,
      fileName,
      contentType,
      sizeBytes: bytes.length,
      storageKey,
      url,
      uploadedBy,
      createdAt: this.now(),
    };
    let inserted = false;
    try {
      inserted = await this.media.insert(record, MEDIA_LIMITS[upload.kind]);
    } finally {
      if (!inserted) await this.discard(storageKey, access);
    }
    if (!inserted) {
      throw conflict(
        `vendor ${vendor.id} already has ${MEDIA_LIMITS[upload.kind]} files of kind ${upload.kind}: delete one first`,
        "kind",
      );
    }
    return record;
  }

  /** Deletes the record, then its bytes; the API stops listing the file before it disappears. */
  async delete(id: string): Promise<VendorMediaRecord> {
    const removed = await this.media.delete(id);
    if (!removed) throw notFound(`no vendor media with id ${id}`);
    await this.discard(removed.storageKey, accessOf(removed.kind));
    return removed;
  }

  /** Bytes no record points at: removed if possible; a failure only leaves an unlisted file behind. */
  private async discard(storageKey: string, access: FileAccess): Promise<void> {
    try {
      await this.storage.delete(storageKey, access);
    } catch (error) {
      this.log.warn({ err: error, storageKey }, "could not delete an unlisted media file; it stays orphaned");
    }
  }
}
