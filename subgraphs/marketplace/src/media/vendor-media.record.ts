/** What a vendor's file is for: photos are public, business documents are for the admins' review. */
export type VendorMediaKind = "PHOTO" | "BUSINESS_DOCUMENT";

/** An uploaded file of a vendor, as the marketplace records it; the bytes are in the file storage. */
export interface VendorMediaRecord {
  id: string;
  vendorId: string;
  kind: VendorMediaKind;
  /** The name the uploader gave the file, for display only (never part of the storage key). */
  fileName: string;
  /** Checked against the file's first bytes on upload. */
  contentType: string;
  sizeBytes: number;
  /** Where the bytes are in the file storage; unique. */
  storageKey: string;
  /** Where clients fetch the file. */
  url: string;
  /** The account that uploaded it. */
  uploadedBy: string;
  createdAt: Date;
}
