import { postGraphQL, type SignedUp, type Stack, startStack } from "@venta/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { verifyVendor } from "./verify-vendor.js";

const PDF = Buffer.from("%PDF-1.7\n1 0 obj << >> endobj\n%%EOF\n");
const PNG = Buffer.concat([
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  Buffer.alloc(60, 2),
]);

const CREATE = `mutation ($input: CreateVendorInput!) { createVendor(input: $input) { id } }`;
const UPLOAD = `mutation ($vendorId: ID!, $kind: VendorMediaKind!, $contentType: String!, $data: String!) {
  uploadVendorMedia(vendorId: $vendorId, kind: $kind, fileName: "permit.pdf", contentType: $contentType, dataBase64: $data) { url }
}`;
const FILES = `query ($id: ID!) { vendor(id: $id) { photos { url } documents { url } } }`;

type Files = { vendor: { photos: { url: string }[]; documents: { url: string }[] } | null };

describe("business documents, uploaded through the router and read through signed links", () => {
  let stack: Stack;
  let owner: SignedUp;
  let rival: SignedUp;
  let customer: SignedUp;
  let admin: Record<string, string>;
  const api = <T = Record<string, unknown>>(
    query: string,
    variables: Record<string, unknown>,
    headers: Record<string, string> = {},
  ) => postGraphQL<T>(`${stack.urls.router}/graphql`, query, variables, headers);
  const createVendor = async (by: SignedUp, name: string) =>
    (
      await api<{ createVendor: { id: string } }>(
        CREATE,
        { input: { name, cuisines: ["tacos"] } },
        by.headers,
      )
    ).data?.createVendor.id as string;
  const upload = async (by: SignedUp, vendorId: string, kind: string, contentType: string, bytes: Buffer) => {
    const result = await api<{ uploadVendorMedia: { url: string } }>(
      UPLOAD,
      { vendorId, kind, contentType, data: bytes.toString("base64") },
      by.headers,
    );
    expect(result.errors).toBeUndefined();
    return result.data?.uploadVendorMedia.url as string;
  };
  const status = async (url: string) => {
    const response = await fetch(url);
    await response.body?.cancel();
    return response.status;
  };

  beforeAll(async () => {
    stack = await startStack();
    owner = await stack.signUp("Rosa", ["VENDOR"]);
    rival = await stack.signUp("Rival", ["VENDOR"]);
    customer = await stack.signUp("Casey", ["CUSTOMER"]);
    admin = { authorization: `Bearer ${await stack.token("admin-1", ["ADMIN"])}` };
  });
  afterAll(() => stack?.close());

  it("opens a permit only for its owner and admins, through a fresh link that names that file", async () => {
    const vendorId = await createVendor(owner, "Rosa's Tamales");
    const permit = await upload(owner, vendorId, "BUSINESS_DOCUMENT", "application/pdf", PDF);
    const photo = await upload(owner, vendorId, "PHOTO", "image/png", PNG);
    expect(permit.startsWith(`${stack.urls.marketplace}/media/`)).toBe(true);

    const response = await fetch(permit);
    expect(response.status).toBe(200);
    expect(response.headers.get("cache-control")).toBe("private, no-store");
    expect(response.headers.get("content-disposition")).toMatch(/^attachment;/);
    expect(Buffer.from(await response.arrayBuffer())).toEqual(PDF);
    // The address without its signature is what the API used to hand out: it opens nothing.
    expect(await status(permit.split("?")[0] as string)).toBe(404);
    expect(await status(photo)).toBe(200);

    await verifyVendor(stack, vendorId);
    const seenBy = async (headers: Record<string, string>) =>
      (await api<Files>(FILES, { id: vendorId }, headers)).data?.vendor;
    expect((await seenBy(customer.headers))?.documents).toEqual([]);
    expect((await seenBy(rival.headers))?.documents).toEqual([]);
    expect((await seenBy(customer.headers))?.photos).toEqual([{ url: photo }]);
    const [forAdmin] = (await seenBy(admin))?.documents ?? [];
    expect(await status(forAdmin?.url as string)).toBe(200);

    // A rival's own valid link, pointed at this permit, opens nothing.
    const rivalVendor = await createVendor(rival, "Rival Tacos");
    const rivalLink = new URL(await upload(rival, rivalVendor, "BUSINESS_DOCUMENT", "application/pdf", PDF));
    expect(await status(rivalLink.toString())).toBe(200);
    expect(await status(`${permit.split("?")[0]}${rivalLink.search}`)).toBe(404);
  });
});
