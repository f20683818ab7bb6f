import { createHash } from "node:crypto";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { CloudinaryFileStorage, cloudinarySignature, parseCloudinaryUrl } from "./file-storage.cloudinary.js";

const CLOUD = "venta-test";
const API_KEY = "123456789012345";
const API_SECRET = "a-secret-only-this-test-and-its-fake-cloudinary-know";

interface Asset {
  bytes: Uint8Array;
  contentType: string;
}

/**
 * A stand-in for Cloudinary's Upload API and CDN, speaking their formats: it checks each call's
 * signature as Cloudinary does (sorted parameters + secret, SHA-1) and keeps uploads in memory.
 */
function fakeCloudinary() {
  const assets = new Map<string, Asset>();
  const calls: { action: string; params: Record<string, string> }[] = [];
  const reply = (res: ServerResponse, status: number, body: unknown) => {
    res.writeHead(status, { "content-type": "application/json" });
    res.end(JSON.stringify(body));
  };
  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? "/", "http://fake");
    const delivery = url.pathname.match(
      /^\/([^/]+)\/image\/(upload|authenticated)\/(?:s--([\w-]{8})--\/)?(.+)$/,
    );
    if (req.method === "GET" && delivery?.[1] === CLOUD) {
      const [, , type, signature, publicId] = delivery;
      const asset = assets.get(`${type}:${publicId}`);
      // An authenticated asset opens only with the signature made with the API secret, as documented:
      // the first 8 characters of the URL-safe base64 SHA-1 of what follows it, then the secret.
      const expected = createHash("sha1").update(`${publicId}${API_SECRET}`).digest("base64url").slice(0, 8);
      const signed = type === "upload" || signature === expected;
      if (!asset || !signed) return reply(res, 404, { error: { message: "Resource not found" } });
      res.writeHead(200, { "content-type": asset.contentType });
      return res.end(asset.bytes);
    }
    const api = url.pathname.match(/^\/v1_1\/([^/]+)\/image\/(upload|destroy)$/);
    if (req.method !== "POST" || api?.[1] !== CLOUD)
      return reply(res, 404, { error: { message: "Not found" } });
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const form = await new Request("http://fake", {
      method: "POST",
      headers: { "content-type": req.headers["content-type"] ?? "" },
      body: Buffer.concat(chunks),
    }).formData();
    const params: Record<string, string> = {};
    let file: File | null = null;
    for (const [name, value] of form.entries()) {
      if (name === "file") file = value as File;
      else params[name] = String(value);
    }
    calls.push({ action: api[2] as string, params });
    const { api_key, signature, ...signed } = params;
    if (api_key !== API_KEY) return reply(res, 401, { error: { message: `Unknown API key ${api_key}` } });
    if (signature !== cloudinarySignature(signed, API_SECRET))
      return reply(res, 401, { error: { message: "Invalid Signature" } });
    if (Math.abs(Date.now() / 1000 - Number(signed.timestamp)) > 3600)
      return reply(res, 400, { error: { message: "Stale request" } });
    const publicId = signed.public_id as string;
    const type = signed.type ?? "upload";
    if (api[2] === "destroy") {
      return reply(res, 200, { result: assets.delete(`${type}:${publicId}`) ? "ok" : "not found" });
    }
    if (!file) return reply(res, 400, { error: { message: "Missing required parameter - file" } });
    assets.set(`${type}:${publicId}`, {
      bytes: new Uint8Array(await file.arrayBuffer()),
      contentType: file.type,
    });
    return reply(res, 200, {
      asset_id: "3515c6000a548515f1134043f9785c2f",
      public_id: publicId,
      version: 1719309138,
      signature: "63bfbca643baa9c86b7d2921d776628ac83a1b6e",
      format: file.type.split("/")[1],
      resource_type: "image",
      type,
      bytes: file.size,
      url: `http://res.cloudinary.com/${CLOUD}/image/${type}/v1719309138/${publicId}`,
      // An authenticated asset's URL comes signed, and that signature never expires.
      secure_url: `https://res.cloudinary.com/${CLOUD}/image/${type}/${type === "upload" ? "" : "s--SIGNED00--/"}v1719309138/${publicId}`,
    });
  };
  const server: Server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => reply(res, 500, { error: { message: String(error) } }));
  });
  return { server, assets, calls };
}

describe("Cloudinary file storage, against a local stand-in", () => {
  let fake: ReturnType<typeof fakeCloudinary>;
  let baseUrl: string;
  const storage = (secret = API_SECRET) =>
    new CloudinaryFileStorage({
      cloudName: CLOUD,
      apiKey: API_KEY,
      apiSecret: secret,
      apiBaseUrl: baseUrl,
      deliveryBaseUrl: baseUrl,
    });

  beforeAll(async () => {
    fake = fakeCloudinary();
    await new Promise<void>((resolve) => fake.server.listen(0, "127.0.0.1", resolve));
    baseUrl = `http://127.0.0.1:${(fake.server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((resolve) => fake.server.close(() => resolve())));
  beforeEach(() => {
    fake.assets.clear();
    fake.calls.length = 0;
  });

  it("uploads with a valid signature and hands back the delivery URL", async () => {
    const bytes = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 1, 2, 3]);
    const { url } = await storage().put("vendor-media/abc", bytes, "image/png", "public");
    expect(url).toBe(`https://res.cloudinary.com/${CLOUD}/image/upload/v1719309138/vendor-media/abc`);
    expect(fake.assets.get("upload:vendor-media/abc")).toEqual({ bytes, contentType: "image/png" });
    expect(fake.calls[0]).toMatchObject({
      action: "upload",
      params: { public_id: "vendor-media/abc", api_key: API_KEY, timestamp: expect.stringMatching(/^\d+$/) },
    });
    // The secret itself is never sent.
    expect(JSON.stringify(fake.calls)).not.toContain(API_SECRET);
  });

  it("reads a file back from delivery, and a missing one as null", async () => {
    await storage().put(
      "vendor-media/doc",
      new TextEncoder().encode("%PDF-1.7"),
      "application/pdf",
      "public",
    );
    const file = await storage().get("vendor-media/doc", "public");
    expect(new TextDecoder().decode(file?.bytes)).toBe("%PDF-1.7");
    expect(file?.contentType).toBe("application/pdf");
    expect(await storage().get("vendor-media/none", "public")).toBeNull();
  });

  it("deletes with a signed destroy call (purging the CDN), and deleting twice is fine", async () => {
    await storage().put("vendor-media/abc", new Uint8Array([1]), "image/png", "public");
    await storage().delete("vendor-media/abc", "public");
    expect(fake.assets.has("upload:vendor-media/abc")).toBe(false);
    expect(fake.calls.at(-1)).toMatchObject({
      action: "destroy",
      params: { public_id: "vendor-media/abc", type: "upload", invalidate: "true" },
    });
    await storage().delete("vendor-media/abc", "public");
  });

  it("keeps a private file as an authenticated asset its CDN address does not open", async () => {
    const pdf = new TextEncoder().encode("%PDF-1.7");
    const { url } = await storage().put("vendor-media/permit", pdf, "application/pdf", "private");
    expect(fake.calls[0]?.params).toMatchObject({ public_id: "vendor-media/permit", type: "authenticated" });
    expect(fake.assets.has("upload:vendor-media/permit")).toBe(false);
    // Not the signed address Cloudinary answered with: that one would open the file for good.
    expect(url).toBe(`${baseUrl}/${CLOUD}/image/authenticated/vendor-media/permit`);
    for (const address of [url, url.replace("/authenticated/", "/upload/")])
      expect((await fetch(address)).status, address).toBe(404);
    const file = await storage().get("vendor-media/permit", "private");
    expect(new TextDecoder().decode(file?.bytes)).toBe("%PDF-1.7");
    expect(await storage().get("vendor-media/permit", "public")).toBeNull();
    await storage().delete("vendor-media/permit", "private");
    expect(fake.assets.size).toBe(0);
  });

  it("still reads and deletes a document stored before documents were private", async () => {
    await storage().put(
      "vendor-media/old-permit",
      new TextEncoder().encode("%PDF-1.4"),
      "application/pdf",
      "public",
    );
    expect(new TextDecoder().decode((await storage().get("vendor-media/old-permit", "private"))?.bytes)).toBe(
      "%PDF-1.4",
    );
    await storage().delete("vendor-media/old-permit", "private");
    expect(fake.assets.size).toBe(0);
  });

  it("fails loudly, with Cloudinary's message, when Cloudinary refuses the call", async () => {
    await expect(
      storage("a-wrong-secret").put("vendor-media/x", new Uint8Array([1]), "image/png", "public"),
    ).rejects.toThrow("cloudinary upload answered 401: Invalid Signature");
    await expect(storage("a-wrong-secret").delete("vendor-media/x", "public")).rejects.toThrow(/401/);
    expect(fake.assets.size).toBe(0);
  });

  it("refuses a key that is not one of ours before calling out", async () => {
    await expect(storage().put("../x", new Uint8Array([1]), "image/png", "public")).rejects.toThrow(
      /storage key/,
    );
    expect(fake.calls).toEqual([]);
  });
});

describe("Cloudinary credentials and signatures", () => {
  it("reads CLOUDINARY_URL", () => {
    expect(parseCloudinaryUrl("cloudinary://1234:s3cr%2Ft@my-cloud")).toEqual({
      cloudName: "my-cloud",
      apiKey: "1234",
      apiSecret: "s3cr/t",
    });
    for (const bad of [
      "https://1234:secret@my-cloud",
      "cloudinary://my-cloud",
      "cloudinary://1234@my-cloud",
      "nope",
    ])
      expect(() => parseCloudinaryUrl(bad), bad).toThrow(/CLOUDINARY_URL/);
  });

  it("signs as Cloudinary's documentation shows", () => {
    // The worked example of Cloudinary's "Generating authentication signatures".
    expect(
      cloudinarySignature(
        { timestamp: "1315060510", public_id: "sample_image", eager: "w_400,h_300,c_pad|w_260,h_200,c_crop" },
        "abcd",
      ),
    ).toBe("bfd09f95f331f558cbd1320e67aa8d488770583e");
  });
});
