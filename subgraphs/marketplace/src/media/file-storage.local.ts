import { randomUUID } from "node:crypto";
import { mkdir, readFile, rename, rm, writeFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import { type FileAccess, type FileStorage, type StoredFile, validStorageKey } from "./file-storage.js";

/** The path every local file is served under by the marketplace server (see `media.route.ts`). */
export const MEDIA_PATH = "/media";

export interface LocalFileStorageOptions {
  /** The directory files live in: `DATA_DIR/media`. */
  root: string;
  /** Where clients reach this server (`https://api.example.com`); file URLs are `<it>/media/<key>`. */
  publicBaseUrl: string;
}

const isMissing = (error: unknown) => (error as NodeJS.ErrnoException).code === "ENOENT";

/**
 * Files on the local disk, under `root`: `<key>` holds the bytes and `<key>.json` the content type
 * (keys have no dots, so the two never collide). Each is written to a temporary name and renamed,
 * so a reader never sees half a file. Nothing here is served but through `/media/*`, which asks
 * for a signed link before it serves a private file: public and private files are kept alike.
 */
export class LocalFileStorage implements FileStorage {
  /** The directory files live in. */
  readonly root: string;
  private readonly baseUrl: string;

  constructor({ root, publicBaseUrl }: LocalFileStorageOptions) {
    this.root = root;
    this.baseUrl = publicBaseUrl.replace(/\/+$/, "");
  }

  async put(
    key: string,
    bytes: Uint8Array,
    contentType: string,
    _access: FileAccess,
  ): Promise<{ url: string }> {
    const path = this.pathOf(key);
    await mkdir(dirname(path), { recursive: true });
    // The type first: a file whose type is missing reads as absent, never as untyped bytes.
    await atomicWrite(`${path}.json`, JSON.stringify({ contentType }));
    await atomicWrite(path, bytes);
    return { url: `${this.baseUrl}${MEDIA_PATH}/${key}` };
  }

  async get(key: string, _access: FileAccess): Promise<StoredFile | null> {
    const path = this.pathOf(key);
    try {
      const [bytes, meta] = await Promise.all([readFile(path), readFile(`${path}.json`, "utf8")]);
      const { contentType } = JSON.parse(meta) as { contentType: string };
      return { bytes: new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength), contentType };
    } catch (error) {
      if (isMissing(error)) return null;
      throw error;
    }
  }

  async delete(key: string, _access: FileAccess): Promise<void> {
    const path = this.pathOf(key);
    // The bytes first: a half-done delete leaves a type without bytes, which reads as absent.
    await rm(path, { force: true });
    await rm(`${path}.json`, { force: true });
  }

  private pathOf(key: string): string {
    return join(this.root, ...validStorageKey(key).split("/"));
  }
}

async function atomicWrite(path: string, data: Uint8Array | string): Promise<void> {
  const temporary = `${path}.${randomUUID()}.tmp`;
  try {
    await writeFile(temporary, data);
    await rename(temporary, path);
  } catch (error) {
    await rm(temporary, { force: true });
    throw error;
  }
}
