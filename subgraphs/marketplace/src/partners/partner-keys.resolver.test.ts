import { createHash } from "node:crypto";
import { anonymous, partnerViewer, personViewer, type Viewer } from "@venta/auth";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { marketplaceHarness } from "../marketplace.harness.js";

type Harness = Awaited<ReturnType<typeof marketplaceHarness>>;

const CREATE = `mutation ($input: CreatePartnerKeyInput!) {
  createPartnerKey(input: $input) {
    key
    partnerKey { id name prefix scopes createdAt revokedAt lastUsedAt createdBy { id displayName } }
  }
}`;
const REVOKE = `mutation ($id: ID!) { revokePartnerKey(id: $id) { id revokedAt } }`;
const LIST = `query ($first: Int, $after: String, $includeRevoked: Boolean) {
  partnerKeys(first: $first, after: $after, includeRevoked: $includeRevoked) {
    totalCount
    pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
    edges { cursor node { id name prefix scopes createdAt revokedAt lastUsedAt createdBy { id } } }
  }
}`;

const outcome = (result: { data?: unknown; errors?: readonly { extensions?: { code?: unknown } }[] }) =>
  result.errors?.[0]?.extensions?.code ?? "allowed";

const admin = personViewer("admin-1", ["ADMIN"]);
/** Who calls, what they get, and the viewer the router would vouch for. */
const viewers: [string, string, Viewer][] = [
  ["anonymous", "UNAUTHENTICATED", anonymous],
  ["a customer", "FORBIDDEN", personViewer("customer-1", ["CUSTOMER"])],
  ["a vendor account", "FORBIDDEN", personViewer("vendor-1", ["VENDOR", "CUSTOMER"])],
  [
    "a partner key",
    "FORBIDDEN",
    partnerViewer({ keyId: "key-1", name: "Eat Map", scopes: ["READ", "SUBSCRIBE", "INTROSPECT"] }),
  ],
  ["an admin", "allowed", admin],
];

describe("who may manage partner keys", () => {
  let h: Harness;
  let existingId: string;
  const stored = async () => (await h.stores.partnerKeys.list({ first: 100, includeRevoked: true })).records;

  beforeEach(async () => {
    h = await marketplaceHarness();
    existingId = (await h.services.partnerKeys.create("Existing", ["READ"], "admin-1")).record.id;
  });
  afterEach(() => h.close());

  it.each(viewers)("createPartnerKey by %s: %s", async (_who, expected, viewer) => {
    const result = await h.run(CREATE, { input: { name: "Eat Map", scopes: ["READ"] } }, viewer);
    expect(outcome(result)).toBe(expected);
    expect(result.data?.createPartnerKey ?? null).toEqual(
      expected === "allowed" ? expect.objectContaining({ key: expect.any(String) }) : null,
    );
    expect(await stored()).toHaveLength(expected === "allowed" ? 2 : 1);
  });

  it.each(viewers)("revokePartnerKey by %s: %s", async (_who, expected, viewer) => {
    const result = await h.run(REVOKE, { id: existingId }, viewer);
    expect(outcome(result)).toBe(expected);
    const revokedAt = (await h.stores.partnerKeys.findById(existingId))?.revokedAt;
    if (expected === "allowed") expect(revokedAt).toBeInstanceOf(Date);
    else expect(revokedAt).toBeNull();
  });

  it.each(viewers)("partnerKeys by %s: %s", async (_who, expected, viewer) => {
    const result = await h.run(LIST, {}, viewer);
    expect(outcome(result)).toBe(expected);
    if (expected === "allowed") expect(result.data?.partnerKeys).toMatchObject({ totalCount: 1 });
    else expect(result.data).toBeNull();
  });
});

describe("partner keys", () => {
  let h: Harness;
  beforeEach(async () => {
    h = await marketplaceHarness();
    await h.services.users.register("Ada Admin", { id: "admin-1" });
  });
  afterEach(() => h.close());

  it("returns the key once, and never again: not in lists, not in the store", async () => {
    const result = await h.run(
      CREATE,
      { input: { name: "  Eat   Map ", scopes: ["READ", "SUBSCRIBE", "READ"] } },
      admin,
    );
    expect(result.errors).toBeUndefined();
    const created = result.data?.createPartnerKey as {
      key: string;
      partnerKey: { id: string; prefix: string };
    };
    const { key } = created;
    expect(key).toMatch(/^vpk_[A-Za-z0-9_-]{43}$/);
    expect(created.partnerKey).toEqual({
      id: expect.any(String),
      name: "Eat Map",
      prefix: key.slice(0, 12),
      scopes: ["READ", "SUBSCRIBE"],
      createdAt: expect.any(Date),
      revokedAt: null,
      lastUsedAt: null,
      createdBy: { id: "admin-1", displayName: "Ada Admin" },
    });

    // The secret part: everything after the prefix that lists show.
    const secret = key.slice(12);
    const listed = await h.run(LIST, { includeRevoked: true }, admin);
    expect(listed.errors).toBeUndefined();
    expect(JSON.stringify(listed.data)).not.toContain(secret);
    expect(listed.data?.partnerKeys).toMatchObject({
      totalCount: 1,
      edges: [{ node: { id: created.partnerKey.id, prefix: key.slice(0, 12) } }],
    });

    const record = await h.stores.partnerKeys.findById(created.partnerKey.id);
    expect(record).not.toBeNull();
    for (const value of Object.values(record ?? {})) {
      const text = value instanceof Date ? value.toISOString() : JSON.stringify(value);
      expect(text).not.toContain(secret);
    }
    expect(record?.keyHash).toBe(createHash("sha256").update(key).digest("hex"));

    // The hash is not part of the API either.
    const fields = await h.run(`{ __type(name: "PartnerKey") { fields { name } } }`);
    const type = fields.data?.__type as { fields: { name: string }[] } | undefined;
    const names = type?.fields.map((f) => f.name);
    expect(names).toContain("prefix");
    expect(names).not.toContain("keyHash");
  });

  it.each([
    [{ name: "", scopes: ["READ"] }, "name"],
    [{ name: "   ", scopes: ["READ"] }, "name"],
    [{ name: "x".repeat(81), scopes: ["READ"] }, "name"],
    [{ name: "Eat Map", scopes: [] }, "scopes"],
  ])("rejects bad input %j with BAD_USER_INPUT and writes nothing", async (input, field) => {
    const result = await h.run(CREATE, { input }, admin);
    expect(result.errors?.[0]?.extensions).toMatchObject({ code: "BAD_USER_INPUT", field });
    expect(result.data).toBeNull();
    expect((await h.stores.partnerKeys.list({ first: 10, includeRevoked: true })).totalCount).toBe(0);
  });

  it("accepts a name of 1 and of 80 characters", async () => {
    for (const name of ["x", "y".repeat(80)]) {
      const result = await h.run(CREATE, { input: { name, scopes: ["INTROSPECT"] } }, admin);
      expect(result.errors).toBeUndefined();
    }
  });

  it("shows a null creator when the admin has no account", async () => {
    const result = await h.run(
      CREATE,
      { input: { name: "Orphan", scopes: ["READ"] } },
      personViewer("admin-2", ["ADMIN"]),
    );
    expect(result.errors).toBeUndefined();
    expect(result.data?.createPartnerKey).toMatchObject({ partnerKey: { createdBy: null } });
    const record = (await h.stores.partnerKeys.list({ first: 1 })).records[0];
    expect(record?.createdBy).toBe("admin-2");
  });

  it("revokes a key once, keeps the first time, and reports an unknown key", async () => {
    const { record } = await h.services.partnerKeys.create("Eat Map", ["READ"], "admin-1");
    const first = await h.run(REVOKE, { id: record.id }, admin);
    expect(first.errors).toBeUndefined();
    const revokedAt = (first.data?.revokePartnerKey as { revokedAt: Date } | undefined)?.revokedAt;
    expect(revokedAt).toBeInstanceOf(Date);
    await new Promise((resolve) => setTimeout(resolve, 5));
    const again = await h.run(REVOKE, { id: record.id }, admin);
    expect(again.data?.revokePartnerKey).toEqual({ id: record.id, revokedAt });
    const missing = await h.run(REVOKE, { id: "no-such-key" }, admin);
    expect(outcome(missing)).toBe("NOT_FOUND");
  });

  it("pages newest first, hides revoked keys unless asked, and refuses a foreign cursor", async () => {
    const ids: string[] = [];
    for (const name of ["One", "Two", "Three"]) {
      ids.push((await h.services.partnerKeys.create(name, ["READ"], "admin-1")).record.id);
      await new Promise((resolve) => setTimeout(resolve, 2));
    }
    await h.services.partnerKeys.revoke(ids[1] as string);
    type Page = {
      totalCount: number;
      pageInfo: { hasNextPage: boolean; endCursor: string | null };
      edges: { node: { name: string } }[];
    };
    const page = async (variables: Record<string, unknown>) => {
      const result = await h.run(LIST, variables, admin);
      expect(result.errors).toBeUndefined();
      return result.data?.partnerKeys as Page;
    };
    const live = await page({});
    expect(live.totalCount).toBe(2);
    expect(live.edges.map((e) => e.node.name)).toEqual(["Three", "One"]);

    const all: string[] = [];
    let after: string | null = null;
    for (;;) {
      const p: Page = await page({ first: 1, after, includeRevoked: true });
      expect(p.totalCount).toBe(3);
      all.push(...p.edges.map((e) => e.node.name));
      if (!p.pageInfo.hasNextPage) break;
      after = p.pageInfo.endCursor;
    }
    expect(all).toEqual(["Three", "Two", "One"]);

    const foreign = await h.run(LIST, { after: "not-a-cursor" }, admin);
    expect(foreign.errors?.[0]?.extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "after" });
    const tooMany = await h.run(LIST, { first: 101 }, admin);
    expect(tooMany.errors?.[0]?.extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "first" });
  });
});
