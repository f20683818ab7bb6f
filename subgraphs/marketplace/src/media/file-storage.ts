/** A stored file read back. */
export interface StoredFile {
  bytes: Uint8Array;
  contentType: string;
}

/**
 * Who may fetch a file from the storage's own address: anyone who has it (photos), or nobody,
 * so that it is only ever served through our signed links (business documents).
 */
export type FileAccess = "public" | "private";

/**
 * Where uploaded files (vendor photos, business documents) are kept: a port with a local-disk
 * adapter and a Cloudinary one. Keys are chosen by us, never by the uploader (see `validStorageKey`).
 * A file is read and deleted with the access it was stored with.
 */
export interface FileStorage {
  /**
   * Stores the bytes under `key`, replacing any file there; returns its address: where clients
   * fetch a public file, and for a private one an address that does not open by itself.
   */
  put(key: string, bytes: Uint8Array, contentType: string, access: FileAccess): Promise<{ url: string }>;
  /** The file under `key`, or null when there is none. */
  get(key: string, access: FileAccess): Promise<StoredFile | null>;
  /** Removes the file under `key`; removing a missing file is not an error. */
  delete(key: string, access: FileAccess): Promise<void>;
}

/** Slash-separated segments of letters, digits, `-` and `_`: no dots, so no `..`, no extensions. */
const KEY = /^[A-Za-z0-9][A-Za-z0-9_-]{0,127}(?:\/[A-Za-z0-9][A-Za-z0-9_-]{0,127}){0,7}$/;

export const isStorageKey = (key: string): boolean => KEY.test(key);

/** @throws when `key` could escape the storage's root or is not one of ours. */
export function validStorageKey(key: string): string {
  if (!isStorageKey(key)) throw new Error(`not a storage key: ${JSON.stringify(key.slice(0, 100))}`);
  return key;
}
