import { mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { LocalFileStorage } from "./file-storage.local.js";

describe("files on the local disk", () => {
  let root: string;
  let storage: LocalFileStorage;
  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), "venta-files-"));
    storage = new LocalFileStorage({ root, publicBaseUrl: "https://api.example.com/" });
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  it("stores, reads back with the content type, replaces, and deletes", async () => {
    const bytes = new Uint8Array([1, 2, 3]);
    expect(await storage.put("vendor-media/abc", bytes, "image/png", "public")).toEqual({
      url: "https://api.example.com/media/vendor-media/abc",
    });
    expect(await storage.get("vendor-media/abc", "public")).toEqual({ bytes, contentType: "image/png" });
    await storage.put("vendor-media/abc", new Uint8Array([9]), "image/jpeg", "public");
    expect(await storage.get("vendor-media/abc", "public")).toEqual({
      bytes: new Uint8Array([9]),
      contentType: "image/jpeg",
    });
    await storage.delete("vendor-media/abc", "public");
    expect(await storage.get("vendor-media/abc", "public")).toBeNull();
    await storage.delete("vendor-media/abc", "public");
    // No temporary files left behind.
    expect(readdirSync(join(root, "vendor-media"))).toEqual([]);
  });

  it("refuses keys that could leave its directory or clash with its own files", async () => {
    for (const key of ["../escape", "/abs", "a/../../b", "a.json", "a//b", "", "a\\b", "a/.hidden"]) {
      await expect(storage.put(key, new Uint8Array([1]), "image/png", "public"), key).rejects.toThrow(
        /storage key/,
      );
      await expect(storage.get(key, "public"), key).rejects.toThrow(/storage key/);
    }
    expect(readdirSync(root)).toEqual([]);
  });

  it("reads a missing file as null", async () => {
    expect(await storage.get("nothing-here", "public")).toBeNull();
  });
});
