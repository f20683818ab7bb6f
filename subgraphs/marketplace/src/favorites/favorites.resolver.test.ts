import { anonymous, partnerViewer, personViewer, type Viewer } from "@venta/auth";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { marketplaceHarness } from "../marketplace.harness.js";
import { FavoritesService } from "./favorites.service.js";

type Harness = Awaited<ReturnType<typeof marketplaceHarness>>;

const outcome = (result: { data?: unknown; errors?: readonly { extensions?: { code?: unknown } }[] }) =>
  result.errors?.[0]?.extensions?.code ?? "allowed";

const ADD = `mutation ($id: ID!) { addFavorite(vendorId: $id) { id isFavorite favoritesCount } }`;
const REMOVE = `mutation ($id: ID!) { removeFavorite(vendorId: $id) { id isFavorite favoritesCount } }`;
const MY_FAVORITES = `query ($first: Int, $after: String) {
  me { favoriteVendors(first: $first, after: $after) {
    totalCount pageInfo { hasNextPage endCursor } edges { favoritedAt node { id name } }
  } }
}`;
const USER_FAVORITES = `query ($id: ID!) { user(id: $id) { favoriteVendors { totalCount } } }`;

const casey = personViewer("casey", ["CUSTOMER"]);
const dana = personViewer("dana", ["CUSTOMER"]);
const admin = personViewer("admin-1", ["ADMIN"]);
const partner = partnerViewer({ keyId: "key-1", name: "Eat Map", scopes: ["READ"] });

type Page = {
  totalCount: number;
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
  edges: { favoritedAt: Date; node: { id: string; name: string } }[];
};

describe("favorites", () => {
  let h: Harness;
  let vendorId: string;
  beforeEach(async () => {
    h = await marketplaceHarness();
    for (const id of ["owner-1", "casey", "dana", "admin-1"])
      await h.services.users.register(`User ${id}`, { id });
    vendorId = (
      await h.services.vendors.create(
        { name: "Taco Cart", cuisines: ["tacos"], ownerId: "owner-1" },
        { verified: true },
      )
    ).id;
  });
  afterEach(() => h.close());

  const count = async () => (await h.stores.favorites.countsOf([vendorId]))[0]?.count ?? 0;

  it.each<[string, Viewer, string]>([
    ["anonymous", anonymous, "UNAUTHENTICATED"],
    ["a partner key", partner, "FORBIDDEN"],
    ["a customer", casey, "allowed"],
    ["a signed-in person without an account", personViewer("no-account", ["CUSTOMER"]), "FORBIDDEN"],
    ["an admin", admin, "allowed"],
  ])("addFavorite and removeFavorite by %s: %s", async (_who, viewer, expected) => {
    expect(outcome(await h.run(ADD, { id: vendorId }, viewer))).toBe(expected);
    expect(await count()).toBe(expected === "allowed" ? 1 : 0);
    expect(outcome(await h.run(REMOVE, { id: vendorId }, viewer))).toBe(expected);
    expect(await count()).toBe(0);
  });

  it("adds once however often asked, removes idempotently, and announces only changes", async () => {
    const events: { type: string; payload: unknown }[] = [];
    h.bus.consume("test", ["marketplace.favorite_added", "marketplace.favorite_removed"], (event) => {
      events.push({ type: event.type, payload: event.payload });
    });
    const first = await h.run(ADD, { id: vendorId }, casey);
    expect(first.data?.addFavorite).toEqual({ id: vendorId, isFavorite: true, favoritesCount: 1 });
    expect((await h.run(ADD, { id: vendorId }, casey)).data?.addFavorite).toEqual({
      id: vendorId,
      isFavorite: true,
      favoritesCount: 1,
    });
    expect((await h.run(ADD, { id: vendorId }, dana)).data?.addFavorite).toMatchObject({ favoritesCount: 2 });
    expect((await h.run(REMOVE, { id: vendorId }, casey)).data?.removeFavorite).toEqual({
      id: vendorId,
      isFavorite: false,
      favoritesCount: 1,
    });
    expect((await h.run(REMOVE, { id: vendorId }, casey)).data?.removeFavorite).toMatchObject({
      favoritesCount: 1,
    });
    await expect.poll(() => events.length).toBe(3);
    await new Promise((resolve) => setTimeout(resolve, 150));
    expect(events).toEqual([
      { type: "marketplace.favorite_added", payload: { userId: "casey", vendorId, at: expect.any(String) } },
      { type: "marketplace.favorite_added", payload: { userId: "dana", vendorId, at: expect.any(String) } },
      {
        type: "marketplace.favorite_removed",
        payload: { userId: "casey", vendorId, at: expect.any(String) },
      },
    ]);
  });

  it("refuses an unknown vendor, or one not verified yet, with NOT_FOUND", async () => {
    const draft = await h.services.vendors.create({ name: "Draft", cuisines: ["bbq"], ownerId: "owner-1" });
    for (const id of ["nope", draft.id]) {
      expect(outcome(await h.run(ADD, { id }, casey))).toBe("NOT_FOUND");
      expect(outcome(await h.run(REMOVE, { id }, casey))).toBe("NOT_FOUND");
    }
    expect(await h.stores.favorites.countByUser("casey")).toBe(0);
  });

  it("shows isFavorite per caller: false when anonymous or not favorited", async () => {
    await h.services.favorites.add(casey, vendorId);
    const QUERY = `query ($id: ID!) { vendor(id: $id) { isFavorite favoritesCount } }`;
    expect((await h.run(QUERY, { id: vendorId }, casey)).data?.vendor).toEqual({
      isFavorite: true,
      favoritesCount: 1,
    });
    expect((await h.run(QUERY, { id: vendorId }, dana)).data?.vendor).toEqual({
      isFavorite: false,
      favoritesCount: 1,
    });
    expect((await h.run(QUERY, { id: vendorId })).data?.vendor).toEqual({
      isFavorite: false,
      favoritesCount: 1,
    });
  });

  it("lists my favorite vendors most recently favorited first, a page at a time", async () => {
    let clock = new Date(Date.UTC(2026, 5, 1, 12));
    const favorites = new FavoritesService(h.stores.favorites, h.stores.vendors, h.stores.users, () => clock);
    const names = ["One", "Two", "Three", "Four", "Five"];
    for (const name of names) {
      const vendor = await h.services.vendors.create(
        { name: `Cart ${name}`, cuisines: ["bbq"], ownerId: "owner-1" },
        { verified: true },
      );
      clock = new Date(clock.getTime() + 1000);
      await favorites.add(casey, vendor.id);
    }
    const seen: string[] = [];
    let after: string | null = null;
    for (;;) {
      const result = await h.run(MY_FAVORITES, { first: 2, after }, casey);
      expect(result.errors).toBeUndefined();
      const page: Page = (result.data as { me: { favoriteVendors: Page } }).me.favoriteVendors;
      expect(page.totalCount).toBe(5);
      seen.push(...page.edges.map((e) => e.node.name));
      if (!page.pageInfo.hasNextPage) break;
      after = page.pageInfo.endCursor;
    }
    expect(seen).toEqual(["Cart Five", "Cart Four", "Cart Three", "Cart Two", "Cart One"]);
    const first = await h.run(MY_FAVORITES, { first: 1 }, casey);
    expect(
      (first.data as { me: { favoriteVendors: Page } }).me.favoriteVendors.edges[0]?.favoritedAt,
    ).toEqual(clock);
    const bad = await h.run(MY_FAVORITES, { after: "garbage" }, casey);
    expect(bad.errors?.[0]?.extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "after" });
  });

  it.each<[string, Viewer, string]>([
    ["anonymous", anonymous, "UNAUTHENTICATED"],
    ["a partner key", partner, "FORBIDDEN"],
    ["another customer", dana, "FORBIDDEN"],
    ["the vendor's owner", personViewer("owner-1", ["VENDOR"]), "FORBIDDEN"],
    ["the account itself", casey, "allowed"],
    ["an admin", admin, "allowed"],
  ])("User.favoriteVendors read by %s: %s", async (_who, viewer, expected) => {
    await h.services.favorites.add(casey, vendorId);
    const result = await h.run(USER_FAVORITES, { id: "casey" }, viewer);
    expect(outcome(result)).toBe(expected);
    if (expected === "allowed") expect(result.data?.user).toEqual({ favoriteVendors: { totalCount: 1 } });
    else expect(JSON.stringify(result.data ?? null)).not.toContain("totalCount");
  });

  it("reads isFavorite and favoritesCount of 30 vendors with one store query each", async () => {
    for (let i = 0; i < 30; i += 1) {
      const vendor = await h.services.vendors.create(
        { name: `Cart ${i}`, cuisines: ["bbq"], ownerId: "owner-1" },
        { verified: true },
      );
      if (i % 2 === 0) await h.services.favorites.add(casey, vendor.id);
    }
    let among = 0;
    let counts = 0;
    const store = h.stores.favorites;
    const favoritedAmong = store.favoritedAmong.bind(store);
    const countsOf = store.countsOf.bind(store);
    store.favoritedAmong = (userId, ids) => {
      among += 1;
      return favoritedAmong(userId, ids);
    };
    store.countsOf = (ids) => {
      counts += 1;
      return countsOf(ids);
    };
    const result = await h.run(
      `{ vendors(first: 100) { edges { node { isFavorite favoritesCount } } } }`,
      {},
      casey,
    );
    expect(result.errors).toBeUndefined();
    const nodes = (
      result.data as { vendors: { edges: { node: { isFavorite: boolean; favoritesCount: number } }[] } }
    ).vendors.edges.map((e) => e.node);
    expect(nodes).toHaveLength(31);
    expect(nodes.filter((n) => n.isFavorite)).toHaveLength(15);
    expect(nodes.reduce((sum, n) => sum + n.favoritesCount, 0)).toBe(15);
    expect({ among, counts }).toEqual({ among: 1, counts: 1 });

    // Anonymous callers cost no favorites query at all.
    among = 0;
    counts = 0;
    await h.run(`{ vendors(first: 100) { edges { node { isFavorite favoritesCount } } } }`);
    expect({ among, counts }).toEqual({ among: 0, counts: 1 });
  });
});
