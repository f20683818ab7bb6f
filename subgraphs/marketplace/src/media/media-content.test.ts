import { describe, expect, it } from "vitest";
import { SAMPLES } from "./media.samples.js";
import { decodeBase64, MAX_MEDIA_BYTES, sniffContentType, validUpload } from "./media-content.js";
import type { VendorMediaKind } from "./vendor-media.record.js";

const code = (run: () => unknown) => {
  try {
    run();
    return "accepted";
  } catch (error) {
    const extensions = (error as { extensions?: { code?: string; field?: string } }).extensions;
    return `${extensions?.code}:${extensions?.field}`;
  }
};

const upload =
  (kind: VendorMediaKind, contentType: string, bytes: Buffer, fileName = "file") =>
  () =>
    validUpload({ kind, fileName, contentType, dataBase64: bytes.toString("base64") });

describe("what an upload is", () => {
  it("recognises each accepted type by its first bytes", () => {
    expect(sniffContentType(SAMPLES.jpeg)).toBe("image/jpeg");
    expect(sniffContentType(SAMPLES.png)).toBe("image/png");
    expect(sniffContentType(SAMPLES.webp)).toBe("image/webp");
    expect(sniffContentType(SAMPLES.pdf)).toBe("application/pdf");
    expect(sniffContentType(SAMPLES.html)).toBeNull();
    expect(sniffContentType(SAMPLES.svg)).toBeNull();
    expect(sniffContentType(Buffer.from("RIFF1234WAVE"))).toBeNull();
    expect(sniffContentType(new Uint8Array())).toBeNull();
  });

  it.each([
    ["a JPEG photo", upload("PHOTO", "image/jpeg", SAMPLES.jpeg), "accepted"],
    ["a PNG photo, type in capitals", upload("PHOTO", "IMAGE/PNG", SAMPLES.png), "accepted"],
    ["a WebP document", upload("BUSINESS_DOCUMENT", "image/webp", SAMPLES.webp), "accepted"],
    ["a PDF document", upload("BUSINESS_DOCUMENT", "application/pdf", SAMPLES.pdf), "accepted"],
    ["a PDF photo", upload("PHOTO", "application/pdf", SAMPLES.pdf), "BAD_USER_INPUT:contentType"],
    ["HTML named a JPEG", upload("PHOTO", "image/jpeg", SAMPLES.html), "BAD_USER_INPUT:contentType"],
    ["an SVG", upload("PHOTO", "image/svg+xml", SAMPLES.svg), "BAD_USER_INPUT:contentType"],
    ["a PNG declared as JPEG", upload("PHOTO", "image/jpeg", SAMPLES.png), "BAD_USER_INPUT:contentType"],
    [
      "a PDF declared as PNG",
      upload("BUSINESS_DOCUMENT", "image/png", SAMPLES.pdf),
      "BAD_USER_INPUT:contentType",
    ],
    ["no file name", upload("PHOTO", "image/jpeg", SAMPLES.jpeg, "  "), "BAD_USER_INPUT:fileName"],
    [
      "a path as the name",
      upload("PHOTO", "image/jpeg", SAMPLES.jpeg, "../x.jpg"),
      "BAD_USER_INPUT:fileName",
    ],
    ["an empty file", upload("PHOTO", "image/jpeg", Buffer.alloc(0)), "BAD_USER_INPUT:dataBase64"],
  ])("%s", (_name, run, expected) => {
    expect(code(run)).toBe(expected);
  });

  it("takes strict base64 only", () => {
    expect(Buffer.from(decodeBase64("aGVsbG8=")).toString()).toBe("hello");
    for (const bad of [
      "aGVsbG8",
      "aGVs bG8=",
      "data:image/png;base64,aGVsbG8=",
      "aGVsbG8=\n",
      "a===",
      "****",
    ])
      expect(
        code(() => decodeBase64(bad)),
        bad,
      ).toBe("BAD_USER_INPUT:dataBase64");
  });

  it("takes 5 MB and not a byte more, refusing an oversized text before decoding it", () => {
    const atLimit = Buffer.concat([SAMPLES.jpeg, Buffer.alloc(MAX_MEDIA_BYTES - SAMPLES.jpeg.length)]);
    expect(upload("PHOTO", "image/jpeg", atLimit)().bytes.length).toBe(MAX_MEDIA_BYTES);
    expect(code(upload("PHOTO", "image/jpeg", Buffer.concat([atLimit, Buffer.alloc(1)])))).toBe(
      "BAD_USER_INPUT:dataBase64",
    );
    expect(code(() => decodeBase64("A".repeat(8_000_000)))).toBe("BAD_USER_INPUT:dataBase64");
  });
});
