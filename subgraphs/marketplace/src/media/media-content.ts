import { badUserInput } from "@venta/kit";
import type { VendorMediaKind } from "./vendor-media.record.js";

/** The largest file accepted: 5 MB (5,242,880 bytes), decoded. */
export const MAX_MEDIA_BYTES = 5 * 1024 * 1024;
/** Its base64 text, and room for the rest of the GraphQL request: the body limit uploads need. */
export const MAX_UPLOAD_REQUEST_BYTES = Math.ceil(MAX_MEDIA_BYTES / 3) * 4 + 64 * 1024;

const PHOTO_TYPES = ["image/jpeg", "image/png", "image/webp"] as const;

/** The content types each kind of file may have. */
export const ALLOWED_TYPES: Record<VendorMediaKind, readonly string[]> = {
  PHOTO: PHOTO_TYPES,
  BUSINESS_DOCUMENT: [...PHOTO_TYPES, "application/pdf"],
};

const startsWith = (bytes: Uint8Array, prefix: readonly number[], at = 0) =>
  bytes.length >= at + prefix.length && prefix.every((byte, i) => bytes[at + i] === byte);

const ascii = (text: string) => [...text].map((c) => c.charCodeAt(0));

/**
 * The type the file's first bytes say it is (its "magic number"), whatever the uploader declared;
 * null when it is none of the types we take.
 */
export function sniffContentType(bytes: Uint8Array): string | null {
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return "image/jpeg";
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return "image/png";
  if (startsWith(bytes, ascii("RIFF")) && startsWith(bytes, ascii("WEBP"), 8)) return "image/webp";
  if (startsWith(bytes, ascii("%PDF-"))) return "application/pdf";
  return null;
}

// A plain character run, not groups of four: a repeated group overflows the regex engine's stack on
// megabytes of text. Whole groups of four are checked by the length.
const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

/** Strict standard base64 (no data: prefix, no line breaks), checked for size before decoding. */
export function decodeBase64(data: string): Uint8Array {
  if (data.length > Math.ceil(MAX_MEDIA_BYTES / 3) * 4)
    throw badUserInput(`the file must be at most ${MAX_MEDIA_BYTES} bytes`, "dataBase64");
  if (data.length === 0 || data.length % 4 !== 0 || !BASE64.test(data))
    throw badUserInput("dataBase64 must be the file's bytes in standard base64", "dataBase64");
  const bytes = Buffer.from(data, "base64");
  if (bytes.length > MAX_MEDIA_BYTES)
    throw badUserInput(`the file must be at most ${MAX_MEDIA_BYTES} bytes`, "dataBase64");
  return new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

/** A display name: 1 to 200 characters, without control characters or path separators. */
export function validFileName(fileName: string): string {
  const trimmed = fileName.trim();
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what it refuses.
  if (trimmed.length < 1 || trimmed.length > 200 || /[\u0000-\u001f\u007f/\\]/.test(trimmed))
    throw badUserInput("fileName must be 1 to 200 characters, without / or \\", "fileName");
  return trimmed;
}

export interface MediaUpload {
  kind: VendorMediaKind;
  fileName: string;
  contentType: string;
  dataBase64: string;
}

export interface ValidMedia {
  fileName: string;
  contentType: string;
  bytes: Uint8Array;
}

/**
 * Checks an upload before anything is stored: the declared type must be allowed for its kind and
 * must be what the bytes are. A file that is not what it claims (a script named photo.jpg) is refused.
 */
export function validUpload(upload: MediaUpload): ValidMedia {
  const fileName = validFileName(upload.fileName);
  const contentType = upload.contentType.trim().toLowerCase();
  const allowed = ALLOWED_TYPES[upload.kind];
  if (!allowed.includes(contentType))
    throw badUserInput(`a ${upload.kind} must be one of ${allowed.join(", ")}`, "contentType");
  const bytes = decodeBase64(upload.dataBase64);
  const actual = sniffContentType(bytes);
  if (actual !== contentType)
    throw badUserInput(
      `the file's content is ${actual ?? "not a type we accept"}, not ${contentType}`,
      "contentType",
    );
  return { fileName, contentType, bytes };
}
