import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { InternalIdentity, personViewer } from "@venta/auth";
import { type RunningServer, startSubgraphServer } from "@venta/kit";
import { freePort, testLogger } from "@venta/testing";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { marketplaceContext } from "../context.js";
import { marketplaceHarness } from "../marketplace.harness.js";
import { buildMarketplaceSchema } from "../schema.js";
import { SAMPLES } from "./media.samples.js";
import { MAX_MEDIA_BYTES, MAX_UPLOAD_REQUEST_BYTES } from "./media-content.js";
import { openFileStorage } from "./open-file-storage.js";
import { VendorMediaService } from "./vendor-media.service.js";

type Harness = Awaited<ReturnType<typeof marketplaceHarness>>;

const identity = new InternalIdentity(new TextEncoder().encode("a-test-secret-that-only-this-test-holds"));

describe("uploaded files over HTTP, from the local disk", () => {
  let h: Harness;
  let dataDir: string;
  let server: RunningServer;
  let base: string;
  let vendorId: string;

  beforeEach(async () => {
    h = await marketplaceHarness();
    dataDir = mkdtempSync(join(tmpdir(), "venta-media-route-"));
    // The port is chosen first: local file URLs name the server's own address.
    const port = await freePort();
    const media = openFileStorage({ DATA_DIR: dataDir, HOST: "127.0.0.1", MARKETPLACE_PORT: port });
    // What main.ts does: the server's own storage behind both the API and /media/*.
    const services = {
      ...h.services,
      vendorMedia: new VendorMediaService(h.stores.vendorMedia, media.storage, testLogger),
    };
    server = await startSubgraphServer({
      name: "marketplace",
      host: "127.0.0.1",
      port,
      log: testLogger,
      schema: await buildMarketplaceSchema(),
      identity,
      createContext: marketplaceContext(services),
      healthChecks: {},
      routes: media.routes,
      maxBodyBytes: MAX_UPLOAD_REQUEST_BYTES,
    });
    base = server.url.replace(/\/graphql$/, "");
    await h.services.users.register("Owner", { id: "owner-1" });
    vendorId = (await h.services.vendors.create({ name: "Cart", cuisines: ["tacos"], ownerId: "owner-1" }))
      .id;
  });
  afterEach(async () => {
    await server.stop();
    await h.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  const upload = async (kind: string, contentType: string, bytes: Buffer) => {
    const response = await fetch(server.url, {
      method: "POST",
      headers: {
        "content-type": "application/json",
        "x-venta-identity": await identity.sign(personViewer("owner-1", ["VENDOR"])),
      },
      body: JSON.stringify({
        query: `mutation ($v: ID!, $k: VendorMediaKind!, $t: String!, $d: String!) {
          uploadVendorMedia(vendorId: $v, kind: $k, fileName: "file", contentType: $t, dataBase64: $d) { url sizeBytes } }`,
        variables: { v: vendorId, k: kind, t: contentType, d: bytes.toString("base64") },
      }),
    });
    return (await response.json()) as {
      data?: { uploadVendorMedia: { url: string; sizeBytes: number } } | null;
      errors?: { extensions: { code: string } }[];
    };
  };

  it("uploads through GraphQL and serves the file back with its type, not sniffable", async () => {
    const uploaded = await upload("BUSINESS_DOCUMENT", "application/pdf", SAMPLES.pdf);
    const url = uploaded.data?.uploadVendorMedia.url as string;
    expect(url.startsWith(`${base}/media/vendor-media/`)).toBe(true);
    const response = await fetch(url);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("application/pdf");
    expect(response.headers.get("x-content-type-options")).toBe("nosniff");
    expect(Buffer.from(await response.arrayBuffer())).toEqual(SAMPLES.pdf);
    const head = await fetch(url, { method: "HEAD" });
    expect(head.status).toBe(200);
    expect(head.headers.get("content-length")).toBe(String(SAMPLES.pdf.length));
  });

  it("takes a 5 MB file inline, beyond the default 1 MB request limit", async () => {
    const big = Buffer.concat([SAMPLES.png, Buffer.alloc(MAX_MEDIA_BYTES - SAMPLES.png.length, 7)]);
    const uploaded = await upload("PHOTO", "image/png", big);
    expect(uploaded.errors).toBeUndefined();
    expect(uploaded.data?.uploadVendorMedia.sizeBytes).toBe(MAX_MEDIA_BYTES);
    const served = await fetch(uploaded.data?.uploadVendorMedia.url as string);
    expect((await served.arrayBuffer()).byteLength).toBe(MAX_MEDIA_BYTES);
  });

  it("answers 404 for unknown keys and for paths that try to leave the media directory", async () => {
    writeFileSync(join(dataDir, "secret.txt"), "not for you");
    for (const path of [
      "/media/vendor-media/unknown",
      "/media/../secret.txt",
      "/media/%2e%2e/secret.txt",
      "/media/..%2fsecret.txt",
      "/media/",
      "/media/vendor-media",
    ]) {
      const response = await fetch(`${base}${path}`);
      expect(response.status, path).toBe(404);
      expect(await response.text(), path).not.toContain("not for you");
    }
  });

  it("accepts only GET and HEAD", async () => {
    const response = await fetch(`${base}/media/vendor-media/x`, { method: "DELETE" });
    expect(response.status).toBe(405);
    expect(response.headers.get("allow")).toBe("GET, HEAD");
    await response.body?.cancel();
  });
});
