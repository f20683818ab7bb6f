import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { InternalIdentity, personViewer } from "@venta/auth";
import { type RunningServer, startSubgraphServer } from "@venta/kit";
import { freePort, testLogger } from "@venta/testing";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { marketplaceContext } from "../context.js";
import { marketplaceHarness } from "../marketplace.harness.js";
import { marketplaceModules } from "../modules.js";
import { buildMarketplaceSchema } from "../schema.js";
import { DocumentLinks, documentLinkKey } from "./document-links.js";
import { SAMPLES } from "./media.samples.js";
import { MAX_MEDIA_BYTES, MAX_UPLOAD_REQUEST_BYTES } from "./media-content.js";
import { type OpenedFileStorage, openFileStorage } from "./open-file-storage.js";
import { VendorMediaService } from "./vendor-media.service.js";

type Harness = Awaited<ReturnType<typeof marketplaceHarness>>;

const sharedSecret = new TextEncoder().encode("a-test-secret-that-only-this-test-holds");
const identity = new InternalIdentity(sharedSecret);

describe("uploaded files over HTTP, from the local disk", () => {
  let h: Harness;
  let dataDir: string;
  let server: RunningServer;
  let base: string;
  let vendorId: string;
  let media: OpenedFileStorage;

  beforeEach(async () => {
    h = await marketplaceHarness();
    dataDir = mkdtempSync(join(tmpdir(), "venta-media-route-"));
    // The port is chosen first: local file URLs name the server's own address.
    const port = await freePort();
    media = openFileStorage(
      { DATA_DIR: dataDir, HOST: "127.0.0.1", MARKETPLACE_PORT: port },
      h.stores.vendorMedia,
      sharedSecret,
    );
    // What main.ts does: the server's own storage and links behind both the API and /media/*.
    const services = {
      ...h.services,
      vendorMedia: new VendorMediaService(h.stores.vendorMedia, media.storage, testLogger),
      documentLinks: media.documentLinks,
    };
    server = await startSubgraphServer({
      name: "marketplace",
      host: "127.0.0.1",
      port,
      log: testLogger,
      schema: await buildMarketplaceSchema(),
      identity,
      createContext: marketplaceContext(marketplaceModules, services),
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

  const upload = async (kind: string, contentType: string, bytes: Buffer, forVendor = vendorId) => {
    const response = await fetch(server.url, {
      method: "POST",
      headers: {
        "content-type": "application/json",
        "x-venta-identity": await identity.sign(personViewer("owner-1", ["VENDOR"])),
      },
      body: JSON.stringify({
        query: `mutation ($v: ID!, $k: VendorMediaKind!, $t: String!, $d: String!) {
          uploadVendorMedia(vendorId: $v, kind: $k, fileName: "permit (2026).pdf", contentType: $t, dataBase64: $d) { id url sizeBytes } }`,
        variables: { v: forVendor, k: kind, t: contentType, d: bytes.toString("base64") },
      }),
    });
    return (await response.json()) as {
      data?: { uploadVendorMedia: { id: string; url: string; sizeBytes: number } } | null;
      errors?: { extensions: { code: string } }[];
    };
  };
  const uploadedUrl = async (kind: string, contentType: string, bytes: Buffer, forVendor = vendorId) => {
    const uploaded = await upload(kind, contentType, bytes, forVendor);
    expect(uploaded.errors).toBeUndefined();
    return uploaded.data?.uploadVendorMedia.url as string;
  };
  const document = () => uploadedUrl("BUSINESS_DOCUMENT", "application/pdf", SAMPLES.pdf);
  /** The answer to a request for a document that exists, whatever was wrong with the request. */
  const refused = async (url: string) => {
    const response = await fetch(url);
    return { status: response.status, body: await response.text() };
  };
  const unknownFile = () => refused(`${base}/media/vendor-media/00000000-0000-4000-8000-000000000000`);

  it("serves a document only through its signed link: private, not cached, downloaded, not sniffable", async () => {
    const url = await document();
    expect(url).toMatch(
      /^http:\/\/127\.0\.0\.1:\d+\/media\/vendor-media\/[0-9a-f-]{36}\?expires=\d+&signature=[\w-]{43}$/,
    );
    expect(url.startsWith(`${base}/media/vendor-media/`)).toBe(true);
    const response = await fetch(url);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("application/pdf");
    expect(response.headers.get("x-content-type-options")).toBe("nosniff");
    expect(response.headers.get("cache-control")).toBe("private, no-store");
    expect(response.headers.get("content-disposition")).toBe(
      `attachment; filename="permit _2026_.pdf"; filename*=UTF-8''permit%20%282026%29.pdf`,
    );
    expect(Buffer.from(await response.arrayBuffer())).toEqual(SAMPLES.pdf);
    const head = await fetch(url, { method: "HEAD" });
    expect(head.status).toBe(200);
    expect(head.headers.get("content-length")).toBe(String(SAMPLES.pdf.length));
  });

  it("refuses a document's old unsigned URL, and its key asked for like a photo's, exactly as an unknown file", async () => {
    const url = await document();
    const unsigned = url.split("?")[0] as string;
    const stored = await h.stores.vendorMedia.findByStorageKey(unsigned.replace(`${base}/media/`, ""));
    // What the API used to hand out, and still holds: it no longer opens the document.
    expect(stored?.url).toBe(unsigned);
    const unknown = await unknownFile();
    expect(unknown.status).toBe(404);
    expect(await refused(unsigned)).toEqual(unknown);
    expect(await refused(`${unsigned}?expires=&signature=`)).toEqual(unknown);
  });

  it("refuses a tampered, stretched, expired or borrowed signature exactly as an unknown file", async () => {
    const url = new URL(await document());
    const other = new URL(await document());
    const unknown = await unknownFile();
    const variant = (change: (link: URL) => void) => {
      const link = new URL(url);
      change(link);
      return link.toString();
    };
    const signature = url.searchParams.get("signature") as string;
    const expires = Number(url.searchParams.get("expires"));
    const attempts = {
      "a changed signature": variant((l) =>
        l.searchParams.set("signature", `${signature.slice(0, -1)}${signature.endsWith("A") ? "B" : "A"}`),
      ),
      "a later expiry": variant((l) => l.searchParams.set("expires", String(expires + 1))),
      "another document's signature": variant((l) => {
        l.searchParams.set("signature", other.searchParams.get("signature") as string);
        l.searchParams.set("expires", other.searchParams.get("expires") as string);
      }),
      "this signature on another document": variant((l) => {
        l.pathname = other.pathname;
      }),
      "a second signature": variant((l) => l.searchParams.append("signature", signature)),
      "a signature in another encoding": variant((l) =>
        l.searchParams.set("signature", Buffer.from(signature, "base64url").toString("base64")),
      ),
    };
    for (const [name, attempt] of Object.entries(attempts))
      expect(await refused(attempt), name).toEqual(unknown);

    const key = url.pathname.replace("/media/", "");
    const linksAt = (now: Date, lifetimeSeconds = 300) =>
      new DocumentLinks({
        key: documentLinkKey(sharedSecret),
        publicBaseUrl: base,
        lifetimeSeconds,
        now: () => now,
      });
    const hourAgo = new Date(Date.now() - 3_600_000);
    expect(await refused(linksAt(hourAgo).urlFor(key)), "an expired link").toEqual(unknown);
    const farFuture = linksAt(new Date(Date.now() + 365 * 86_400_000)).urlFor(key);
    expect(await refused(farFuture), "an expiry a year away").toEqual(unknown);
    expect(await refused(linksAt(new Date(), 3600).urlFor(key)), "longer than links live").toEqual(unknown);
    const otherSecret = new DocumentLinks({
      key: documentLinkKey(new TextEncoder().encode("someone-else's-secret-of-32-characters")),
      publicBaseUrl: base,
    });
    expect(await refused(otherSecret.urlFor(key)), "signed with another secret").toEqual(unknown);
    // The untouched link still works: every refusal above was for what was changed.
    expect((await fetch(url)).status).toBe(200);
  });

  it("serves photos to anyone, cached for good, with or without a query", async () => {
    const url = await uploadedUrl("PHOTO", "image/png", SAMPLES.png);
    expect(url).toMatch(/\/media\/vendor-media\/[0-9a-f-]{36}$/);
    for (const link of [url, `${url}?expires=1&signature=x`]) {
      const response = await fetch(link);
      expect(response.status).toBe(200);
      expect(response.headers.get("cache-control")).toBe("public, max-age=31536000, immutable");
      expect(response.headers.get("content-disposition")).toBeNull();
      expect(Buffer.from(await response.arrayBuffer())).toEqual(SAMPLES.png);
    }
  });

  it("takes a 5 MB file inline, beyond the default 1 MB request limit", async () => {
    const big = Buffer.concat([SAMPLES.png, Buffer.alloc(MAX_MEDIA_BYTES - SAMPLES.png.length, 7)]);
    const uploaded = await upload("PHOTO", "image/png", big);
    expect(uploaded.errors).toBeUndefined();
    expect(uploaded.data?.uploadVendorMedia.sizeBytes).toBe(MAX_MEDIA_BYTES);
    const served = await fetch(uploaded.data?.uploadVendorMedia.url as string);
    expect((await served.arrayBuffer()).byteLength).toBe(MAX_MEDIA_BYTES);
  });

  it("answers 404 for unknown keys, unrecorded files and paths that try to leave the media directory", async () => {
    writeFileSync(join(dataDir, "secret.txt"), "not for you");
    // Bytes no record points at (a delete that failed half-way) are not served either.
    await media.storage.put("vendor-media/orphan", SAMPLES.png, "image/png", "public");
    const url = new URL(await document());
    for (const path of [
      "/media/vendor-media/unknown",
      "/media/vendor-media/orphan",
      "/media/../secret.txt",
      "/media/%2e%2e/secret.txt",
      "/media/..%2fsecret.txt",
      "/media/",
      "/media/vendor-media",
      `${url.pathname.replace("vendor-media/", "vendor-media%2f")}${url.search}`,
      `${url.pathname.replace("/media/", "/media//")}${url.search}`,
      `${url.pathname}/${url.search}`,
      `${url.pathname}.json${url.search}`,
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
