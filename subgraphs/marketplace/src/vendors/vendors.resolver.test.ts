import { personViewer, type Viewer } from "@venta/auth";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { marketplaceHarness } from "../marketplace.harness.js";

type Harness = Awaited<ReturnType<typeof marketplaceHarness>>;

const CREATE = `mutation ($input: CreateVendorInput!) {
  createVendor(input: $input) { id name slug cuisines status owner { id displayName } }
}`;

describe("vendors", () => {
  let h: Harness;
  let ownerId: string;
  let owner: Viewer;
  beforeEach(async () => {
    h = await marketplaceHarness();
    ownerId = (await h.services.users.register("Owner")).id;
    owner = personViewer(ownerId, ["VENDOR"]);
  });
  afterEach(() => h.close());

  it("creates a vendor with a slug derived from its name and normalised cuisines", async () => {
    const result = await h.run(
      CREATE,
      {
        input: { name: "  Taco  Loco ", cuisines: ["Tacos", "tacos", "Tex-Mex"] },
      },
      owner,
    );
    expect(result.errors).toBeUndefined();
    expect(result.data?.createVendor).toMatchObject({
      name: "Taco Loco",
      slug: "taco-loco",
      cuisines: ["tacos", "tex-mex"],
      status: "CLOSED",
      owner: { id: ownerId, displayName: "Owner" },
    });
    const again = await h.run(CREATE, { input: { name: "Taco Loco", cuisines: ["tacos"], ownerId } }, owner);
    expect(again.data?.createVendor).toMatchObject({ slug: "taco-loco-2" });
  });

  it.each([
    [{ name: "X", cuisines: ["tacos"] }, "name"],
    [{ name: "Fine", cuisines: [] }, "cuisines"],
    [{ name: "Fine", cuisines: ["<script>"] }, "cuisines"],
    [{ name: "Fine", cuisines: ["tacos"], slug: "Not A Slug" }, "slug"],
  ])("rejects bad input %j with BAD_USER_INPUT and writes nothing", async (input, field) => {
    const result = await h.run(CREATE, { input }, owner);
    expect(result.errors?.[0]?.extensions).toMatchObject({ code: "BAD_USER_INPUT", field });
    expect(await h.stores.vendors.count({})).toBe(0);
  });

  it("refuses an unknown owner with NOT_FOUND", async () => {
    const admin = personViewer("admin-1", ["ADMIN"]);
    const result = await h.run(
      CREATE,
      { input: { name: "Orphan", cuisines: ["tacos"], ownerId: "nobody" } },
      admin,
    );
    expect(result.errors?.[0]?.extensions?.code).toBe("NOT_FOUND");
    expect(await h.stores.vendors.count({})).toBe(0);
  });

  it("updates only the given fields and reports an unknown vendor", async () => {
    const created = await h.services.vendors.create({ name: "Cart", cuisines: ["coffee"], ownerId });
    const result = await h.run(
      `mutation ($input: UpdateVendorInput!) { updateVendor(input: $input) { name cuisines status } }`,
      { input: { id: created.id, status: "OPEN" } },
      owner,
    );
    expect(result.data?.updateVendor).toEqual({ name: "Cart", cuisines: ["coffee"], status: "OPEN" });
    const missing = await h.run(
      `mutation { updateVendor(input: { id: "nope", name: "Nope" }) { id } }`,
      {},
      owner,
    );
    expect(missing.errors?.[0]?.extensions?.code).toBe("NOT_FOUND");
  });

  it("publishes a snapshot for other subgraphs on every change", async () => {
    const seen: unknown[] = [];
    h.bus.consume("test", ["marketplace.vendor_created", "marketplace.vendor_updated"], (event) => {
      seen.push({ type: event.type, ...(event.payload as object) });
    });
    const created = await h.services.vendors.create({ name: "Cart", cuisines: ["coffee"], ownerId });
    await h.services.vendors.update(created.id, { status: "OPEN" });
    await expect.poll(() => seen.length).toBe(2);
    expect(seen[1]).toMatchObject({
      type: "marketplace.vendor_updated",
      vendorId: created.id,
      status: "OPEN",
      version: 2,
    });
  });

  it("lists vendors as a connection, paging without repeats, with a total", async () => {
    // Verified: anonymous callers list only VERIFIED vendors.
    for (let i = 0; i < 5; i += 1)
      await h.services.vendors.create(
        { name: `Vendor ${i}`, cuisines: ["bbq"], ownerId },
        { verified: true },
      );
    const names: string[] = [];
    let after: string | null = null;
    for (let page = 0; page < 5; page += 1) {
      const result = await h.run(
        `query ($after: String) { vendors(first: 2, after: $after) {
          totalCount edges { cursor node { name } } pageInfo { hasNextPage endCursor } } }`,
        { after },
      );
      const connection = result.data?.vendors as {
        totalCount: number;
        edges: { node: { name: string } }[];
        pageInfo: { hasNextPage: boolean; endCursor: string };
      };
      expect(connection.totalCount).toBe(5);
      names.push(...connection.edges.map((e) => e.node.name));
      if (!connection.pageInfo.hasNextPage) break;
      after = connection.pageInfo.endCursor;
    }
    // Vendors made in the same millisecond are ordered by id, so compare as a set without repeats.
    expect(names).toHaveLength(5);
    expect([...names].sort()).toEqual(["Vendor 0", "Vendor 1", "Vendor 2", "Vendor 3", "Vendor 4"]);
  });

  it("rejects a malformed cursor and an oversized page", async () => {
    const bad = await h.run(`{ vendors(after: "garbage") { totalCount } }`);
    expect(bad.errors?.[0]?.extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "after" });
    const big = await h.run(`{ vendors(first: 101) { totalCount } }`);
    expect(big.errors?.[0]?.extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "first" });
  });

  it("resolves many Vendor references in one request with a single store query", async () => {
    const ids: string[] = [];
    for (let i = 0; i < 30; i += 1) {
      const vendor = await h.services.vendors.create(
        { name: `V${i}`, cuisines: ["bbq"], ownerId },
        { verified: true },
      );
      ids.push(vendor.id);
    }
    let batches = 0;
    const findByIds = h.stores.vendors.findByIds.bind(h.stores.vendors);
    h.stores.vendors.findByIds = (keys) => {
      batches += 1;
      return findByIds(keys);
    };
    const result = await h.run(
      `query ($representations: [_Any!]!) { _entities(representations: $representations) { ... on Vendor { id name } } }`,
      { representations: [...ids, "missing"].map((id) => ({ __typename: "Vendor", id })) },
    );
    expect(result.errors).toBeUndefined();
    const entities = result.data?._entities as ({ id: string; name: string } | null)[];
    expect(entities.slice(0, 30).map((e) => e?.id)).toEqual(ids);
    expect(entities[30]).toBeNull();
    expect(batches).toBe(1);
  });
});
