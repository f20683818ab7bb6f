import { readdirSync } from "node:fs";
import { anonymous, partnerViewer, personViewer, type Viewer } from "@venta/auth";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { marketplaceHarness } from "../marketplace.harness.js";
import { SAMPLES } from "./media.samples.js";
import { MEDIA_LIMITS } from "./vendor-media.service.js";

type Harness = Awaited<ReturnType<typeof marketplaceHarness>>;

const UPLOAD = `mutation ($vendorId: ID!, $kind: VendorMediaKind!, $fileName: String!, $contentType: String!, $data: String!) {
  uploadVendorMedia(vendorId: $vendorId, kind: $kind, fileName: $fileName, contentType: $contentType, dataBase64: $data) {
    id kind fileName contentType sizeBytes url createdAt
  }
}`;
const DELETE = `mutation ($id: ID!) { deleteVendorMedia(id: $id) }`;
const FILES = `query ($id: ID!) { vendor(id: $id) {
  photos { id fileName contentType url } documents { id fileName contentType url } } }`;

const outcome = (result: { errors?: readonly { extensions?: { code?: unknown } }[] }) =>
  result.errors?.[0]?.extensions?.code ?? "allowed";

const owner = personViewer("owner-1", ["VENDOR"]);
const admin = personViewer("admin-1", ["ADMIN"]);
const customer = personViewer("customer-1", ["CUSTOMER"]);
const otherVendor = personViewer("owner-2", ["VENDOR"]);
const partner = partnerViewer({ keyId: "key-1", name: "Eat Map", scopes: ["READ"] });

describe("vendor photos and business documents", () => {
  let h: Harness;
  let vendorId: string;

  const upload = (
    viewer: Viewer,
    overrides: Partial<{ kind: string; fileName: string; contentType: string; data: string }> = {},
    forVendor = vendorId,
  ) =>
    h.run(
      UPLOAD,
      {
        vendorId: forVendor,
        kind: "PHOTO",
        fileName: "front.jpg",
        contentType: "image/jpeg",
        data: SAMPLES.jpeg.toString("base64"),
        ...overrides,
      },
      viewer,
    );
  /** What is really stored: records, and files on disk. */
  const stored = async () => ({
    records: (await h.stores.vendorMedia.listByVendors([vendorId])).length,
    files: readdirSync(h.files.root, { recursive: true }).filter(
      (name) => !String(name).includes(".") && String(name).includes("/"),
    ).length,
  });

  beforeEach(async () => {
    h = await marketplaceHarness();
    await h.services.users.register("Owner", { id: "owner-1" });
    await h.services.users.register("Other", { id: "owner-2" });
    vendorId = (
      await h.services.vendors.create(
        { name: "Cart", cuisines: ["coffee"], ownerId: "owner-1" },
        { verified: true },
      )
    ).id;
  });
  afterEach(() => h.close());

  it.each<[string, Viewer, string]>([
    ["anonymous", anonymous, "UNAUTHENTICATED"],
    ["a customer", customer, "FORBIDDEN"],
    ["a partner key", partner, "FORBIDDEN"],
    ["another vendor account", otherVendor, "FORBIDDEN"],
    ["its owner", owner, "allowed"],
    ["an admin", admin, "allowed"],
  ])("uploadVendorMedia by %s: %s", async (_who, viewer, expected) => {
    expect(outcome(await upload(viewer))).toBe(expected);
    const count = expected === "allowed" ? 1 : 0;
    expect(await stored()).toEqual({ records: count, files: count });
  });

  it("records the upload and serves it through the file storage", async () => {
    const result = await upload(owner, {
      fileName: "  menu board.png ",
      contentType: "image/png",
      data: SAMPLES.png.toString("base64"),
    });
    expect(result.errors).toBeUndefined();
    const media = result.data?.uploadVendorMedia as Record<string, unknown>;
    expect(media).toMatchObject({
      kind: "PHOTO",
      fileName: "menu board.png",
      contentType: "image/png",
      sizeBytes: SAMPLES.png.length,
    });
    expect(media.url).toMatch(/^http:\/\/media\.test\/media\/vendor-media\/[0-9a-f-]{36}$/);
    const key = String(media.url).replace("http://media.test/media/", "");
    expect(Buffer.from((await h.files.get(key, "public"))?.bytes ?? [])).toEqual(SAMPLES.png);
  });

  it.each([
    ["a declared type that is not the content", { contentType: "image/png" }, "contentType"],
    ["HTML passed off as a JPEG", { data: SAMPLES.html.toString("base64") }, "contentType"],
    [
      "a PDF as a photo",
      { contentType: "application/pdf", data: SAMPLES.pdf.toString("base64") },
      "contentType",
    ],
    ["an SVG", { contentType: "image/svg+xml", data: SAMPLES.svg.toString("base64") }, "contentType"],
    ["data that is not base64", { data: "not base64!" }, "dataBase64"],
    [
      "a file over 5 MB",
      { data: Buffer.concat([SAMPLES.jpeg, Buffer.alloc(5 * 1024 * 1024)]).toString("base64") },
      "dataBase64",
    ],
    ["no file name", { fileName: "" }, "fileName"],
  ])("refuses %s with BAD_USER_INPUT, storing nothing", async (_name, overrides, field) => {
    const result = await upload(owner, overrides);
    expect(result.errors?.[0]?.extensions).toMatchObject({ code: "BAD_USER_INPUT", field });
    expect(await stored()).toEqual({ records: 0, files: 0 });
  });

  it("answers NOT_FOUND for an unknown vendor, storing nothing", async () => {
    expect(outcome(await upload(admin, {}, "no-such-vendor"))).toBe("NOT_FOUND");
    expect(await stored()).toEqual({ records: 0, files: 0 });
  });

  it("shows photos to everyone and documents only to the owner and admins (others get an empty list)", async () => {
    await upload(owner, { fileName: "truck.jpg" });
    await upload(owner, {
      kind: "BUSINESS_DOCUMENT",
      fileName: "permit.pdf",
      contentType: "application/pdf",
      data: SAMPLES.pdf.toString("base64"),
    });
    for (const [viewer, documents] of [
      [anonymous, []],
      [customer, []],
      [partner, []],
      [otherVendor, []],
      [owner, ["permit.pdf"]],
      [admin, ["permit.pdf"]],
    ] as const) {
      const result = await h.run(FILES, { id: vendorId }, viewer);
      expect(result.errors).toBeUndefined();
      const vendor = result.data?.vendor as {
        photos: { fileName: string }[];
        documents: { fileName: string }[];
      };
      expect(vendor.photos.map((p) => p.fileName)).toEqual(["truck.jpg"]);
      expect(vendor.documents.map((d) => d.fileName)).toEqual(documents);
    }
  });

  it("links a document for its owner and admins with a fresh signed link, never its stored URL", async () => {
    const uploaded = await upload(owner, {
      kind: "BUSINESS_DOCUMENT",
      fileName: "permit.pdf",
      contentType: "application/pdf",
      data: SAMPLES.pdf.toString("base64"),
    });
    const { id, url } = (uploaded.data as { uploadVendorMedia: { id: string; url: string } })
      .uploadVendorMedia;
    const record = await h.stores.vendorMedia.findById(id);
    const signed = new RegExp(
      `^http://media\\.test/media/${record?.storageKey}\\?expires=\\d+&signature=[\\w-]{43}$`,
    );
    expect(url).toMatch(signed);
    for (const viewer of [owner, admin]) {
      const listed = await h.run(FILES, { id: vendorId }, viewer);
      const [document] = (listed.data as { vendor: { documents: { url: string }[] } }).vendor.documents;
      expect(document?.url).toMatch(signed);
      expect(document?.url).not.toBe(record?.url);
    }
  });

  it("deletes a file: only its owner or an admin, and the file goes too", async () => {
    const uploaded = (await upload(owner)).data as { uploadVendorMedia: { id: string } };
    const id = uploaded.uploadVendorMedia.id;
    for (const viewer of [anonymous, customer, otherVendor, partner])
      expect(outcome(await h.run(DELETE, { id }, viewer))).not.toBe("allowed");
    expect(await stored()).toEqual({ records: 1, files: 1 });
    expect((await h.run(DELETE, { id }, owner)).data).toEqual({ deleteVendorMedia: id });
    expect(await stored()).toEqual({ records: 0, files: 0 });
    expect(outcome(await h.run(DELETE, { id }, admin))).toBe("NOT_FOUND");
  });

  it("holds at most the limit of each kind per vendor, and says so with CONFLICT", async () => {
    for (let i = 0; i < MEDIA_LIMITS.PHOTO; i += 1) expect(outcome(await upload(owner))).toBe("allowed");
    const refused = await upload(owner);
    expect(refused.errors?.[0]?.extensions).toMatchObject({ code: "CONFLICT", field: "kind" });
    expect(await stored()).toEqual({ records: MEDIA_LIMITS.PHOTO, files: MEDIA_LIMITS.PHOTO });
  });

  it("loads the files of every vendor in a response with one store query", async () => {
    const ids = [vendorId];
    for (let i = 0; i < 5; i += 1) {
      const vendor = await h.services.vendors.create(
        { name: `Cart ${i}`, cuisines: ["tacos"], ownerId: "owner-1" },
        { verified: true },
      );
      ids.push(vendor.id);
      await upload(owner, {}, vendor.id);
    }
    let calls = 0;
    const listByVendors = h.stores.vendorMedia.listByVendors.bind(h.stores.vendorMedia);
    h.stores.vendorMedia.listByVendors = (vendorIds) => {
      calls += 1;
      return listByVendors(vendorIds);
    };
    const result = await h.run(
      `{ vendors(first: 10) { edges { node { photos { id } documents { id } } } } }`,
      {},
      admin,
    );
    expect(result.errors).toBeUndefined();
    const { edges } = (result.data as { vendors: { edges: { node: { photos: unknown[] } }[] } }).vendors;
    expect(edges.map((e) => e.node.photos.length).sort()).toEqual([0, 1, 1, 1, 1, 1]);
    expect(calls).toBe(1);
  });
});
