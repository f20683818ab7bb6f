import { anonymous, partnerViewer, personViewer, type Viewer } from "@venta/auth";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { marketplaceHarness } from "../marketplace.harness.js";

type Harness = Awaited<ReturnType<typeof marketplaceHarness>>;

const CREATE = `mutation ($input: CreateVendorInput!) { createVendor(input: $input) { id owner { id } } }`;
const UPDATE = `mutation ($input: UpdateVendorInput!) { updateVendor(input: $input) { id name } }`;

const outcome = (result: { data?: unknown; errors?: readonly { extensions?: { code?: unknown } }[] }) =>
  result.errors?.[0]?.extensions?.code ?? "allowed";

describe("who may create and change vendors", () => {
  let h: Harness;
  let vendorId: string;
  const owner = personViewer("owner-1", ["VENDOR", "CUSTOMER"]);
  const otherVendor = personViewer("owner-2", ["VENDOR"]);
  const customer = personViewer("customer-1", ["CUSTOMER"]);
  const admin = personViewer("admin-1", ["ADMIN"]);
  const partner = partnerViewer({ keyId: "key-1", name: "Eat Map", scopes: ["READ"] });

  beforeEach(async () => {
    h = await marketplaceHarness();
    for (const [id, name] of [
      ["owner-1", "Owner"],
      ["owner-2", "Other"],
    ])
      await h.services.users.register(name as string, { id: id as string });
    vendorId = (await h.services.vendors.create({ name: "Cart", cuisines: ["coffee"], ownerId: "owner-1" }))
      .id;
  });
  afterEach(() => h.close());

  it.each<[string, Viewer, string]>([
    ["anonymous", anonymous, "UNAUTHENTICATED"],
    ["a customer", customer, "FORBIDDEN"],
    ["a partner key", partner, "FORBIDDEN"],
    ["a vendor account", owner, "allowed"],
    ["an admin", admin, "allowed"],
  ])("createVendor by %s: %s", async (_who, viewer, expected) => {
    const before = await h.stores.vendors.count({});
    const result = await h.run(
      CREATE,
      { input: { name: "New Cart", cuisines: ["tacos"], ownerId: "owner-1" } },
      viewer,
    );
    expect(outcome(result)).toBe(expected);
    expect(await h.stores.vendors.count({})).toBe(expected === "allowed" ? before + 1 : before);
  });

  it("asks a vendor account to create its own account before its first vendor", async () => {
    const newcomer = personViewer("newcomer", ["VENDOR"]);
    const result = await h.run(CREATE, { input: { name: "Early Cart", cuisines: ["tacos"] } }, newcomer);
    expect(result.errors?.[0]).toMatchObject({
      message: "create your account (createUser) first",
      extensions: { code: "FORBIDDEN" },
    });
  });

  it("makes the caller the owner, and lets only an admin name someone else", async () => {
    const mine = await h.run(CREATE, { input: { name: "Mine", cuisines: ["tacos"] } }, otherVendor);
    expect(mine.data?.createVendor).toMatchObject({ owner: { id: "owner-2" } });
    const theirs = await h.run(
      CREATE,
      { input: { name: "Theirs", cuisines: ["tacos"], ownerId: "owner-1" } },
      otherVendor,
    );
    expect(outcome(theirs)).toBe("FORBIDDEN");
    const assigned = await h.run(
      CREATE,
      { input: { name: "Assigned", cuisines: ["tacos"], ownerId: "owner-2" } },
      admin,
    );
    expect(assigned.data?.createVendor).toMatchObject({ owner: { id: "owner-2" } });
  });

  it.each<[string, Viewer, string]>([
    ["anonymous", anonymous, "UNAUTHENTICATED"],
    ["a customer", customer, "FORBIDDEN"],
    ["a partner key", partner, "FORBIDDEN"],
    ["another vendor account", otherVendor, "FORBIDDEN"],
    ["its owner", owner, "allowed"],
    ["an admin", admin, "allowed"],
  ])("updateVendor by %s: %s", async (_who, viewer, expected) => {
    const result = await h.run(UPDATE, { input: { id: vendorId, name: "Renamed" } }, viewer);
    expect(outcome(result)).toBe(expected);
    expect((await h.stores.vendors.findById(vendorId))?.name).toBe(
      expected === "allowed" ? "Renamed" : "Cart",
    );
  });
});

describe("accounts", () => {
  let h: Harness;
  beforeEach(async () => {
    h = await marketplaceHarness();
  });
  afterEach(() => h.close());

  const CREATE_USER = `mutation { createUser(input: { displayName: "Dana" }) { id displayName } }`;

  it("creates the caller's own account under their identity, once", async () => {
    const dana = personViewer("idp|dana", ["CUSTOMER"]);
    expect((await h.run(CREATE_USER, {}, dana)).data?.createUser).toEqual({
      id: "idp|dana",
      displayName: "Dana",
    });
    expect(outcome(await h.run(CREATE_USER, {}, dana))).toBe("CONFLICT");
    expect((await h.run(`{ me { id displayName } }`, {}, dana)).data?.me).toEqual({
      id: "idp|dana",
      displayName: "Dana",
    });
  });

  it("asks anonymous callers to sign in and has no `me` for them", async () => {
    expect(outcome(await h.run(CREATE_USER))).toBe("UNAUTHENTICATED");
    expect((await h.run(`{ me { id } }`)).data?.me).toBeNull();
  });
});
