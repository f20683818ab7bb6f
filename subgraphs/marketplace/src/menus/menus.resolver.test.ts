import { anonymous, partnerViewer, personViewer, type Viewer } from "@venta/auth";
import type { DomainEvent } from "@venta/events";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { marketplaceHarness } from "../marketplace.harness.js";
import { MAX_MENU_ITEMS } from "./menu.record.js";

type Harness = Awaited<ReturnType<typeof marketplaceHarness>>;

/** A field of a result's data, typed as the test expects it. */
const field = <T>(result: { data?: Record<string, unknown> | null }, name: string) =>
  result.data?.[name] as T;

const outcome = (result: { errors?: readonly { extensions?: { code?: unknown } }[] }) =>
  result.errors?.[0]?.extensions?.code ?? "allowed";

const MENU = `query ($id: ID!) { vendor(id: $id) { menu { categories {
  id name position items { id name description priceMinor currency dietaryTags available photoUrl } } } } }`;
const CREATE_CATEGORY = `mutation ($input: CreateMenuCategoryInput!) {
  createMenuCategory(input: $input) { id name position items { id } } }`;
const CREATE_ITEM = `mutation ($input: CreateMenuItemInput!) {
  createMenuItem(input: $input) { id name priceMinor currency dietaryTags available photoUrl description } }`;
const UPDATE_ITEM = `mutation ($input: UpdateMenuItemInput!) {
  updateMenuItem(input: $input) { id name priceMinor currency description photoUrl available } }`;
const AVAILABILITY = `mutation ($itemId: ID!, $available: Boolean!) {
  setMenuItemAvailability(itemId: $itemId, available: $available) { id available } }`;
const REORDER = `mutation ($input: ReorderMenuCategoriesInput!) {
  reorderMenuCategories(input: $input) { id menu { categories { id position } } } }`;
const DELETE_CATEGORY = `mutation ($id: ID!) { deleteMenuCategory(id: $id) { menu { categories { id items { id } } } } }`;
const DELETE_ITEM = `mutation ($id: ID!) { deleteMenuItem(id: $id) { menu { categories { items { id } } } } }`;

interface MenuShape {
  categories: {
    id: string;
    name: string;
    position: number;
    items: { id: string; name: string; available: boolean }[];
  }[];
}

describe("vendor menus", () => {
  let h: Harness;
  let vendorId: string;
  const owner = personViewer("owner-1", ["VENDOR"]);
  const otherVendor = personViewer("owner-2", ["VENDOR"]);
  const admin = personViewer("admin-1", ["ADMIN"]);
  const customer = personViewer("customer-1", ["CUSTOMER"]);

  beforeEach(async () => {
    h = await marketplaceHarness();
    await h.services.users.register("Owner", { id: "owner-1" });
    await h.services.users.register("Other", { id: "owner-2" });
    // Verified, so that anyone may see it and its menu.
    const verified = { verified: true };
    vendorId = (
      await h.services.vendors.create(
        { name: "Taco Cart", cuisines: ["tacos"], ownerId: "owner-1" },
        verified,
      )
    ).id;
  });
  afterEach(() => h.close());

  const menuOf = async (id = vendorId) =>
    field<{ menu: MenuShape }>(await h.run(MENU, { id }), "vendor").menu;
  const category = async (name: string, viewer: Viewer = owner) => {
    const result = await h.run(CREATE_CATEGORY, { input: { vendorId, name } }, viewer);
    expect(result.errors).toBeUndefined();
    return field<{ id: string }>(result, "createMenuCategory").id;
  };
  const item = async (categoryId: string, fields: Record<string, unknown> = {}, viewer: Viewer = owner) => {
    const result = await h.run(
      CREATE_ITEM,
      { input: { categoryId, name: "Al Pastor", priceMinor: 350, currency: "USD", ...fields } },
      viewer,
    );
    expect(result.errors).toBeUndefined();
    return field<{ id: string }>(result, "createMenuItem").id;
  };

  it("is empty until the owner adds to it, then shows categories by position with their items", async () => {
    expect(await menuOf()).toEqual({ categories: [] });
    const tacos = await category("Tacos");
    const drinks = await category("  Drinks ");
    const created = await h.run(
      CREATE_ITEM,
      {
        input: {
          categoryId: tacos,
          name: "Al Pastor",
          description: "Pork, pineapple, corn tortilla",
          priceMinor: 350,
          currency: "USD",
          dietaryTags: ["SPICY", "DAIRY_FREE", "SPICY"],
          photoUrl: "https://cdn.example.com/al-pastor.jpg",
        },
      },
      owner,
    );
    expect(created.data?.createMenuItem).toMatchObject({
      name: "Al Pastor",
      priceMinor: 350,
      currency: "USD",
      dietaryTags: ["SPICY", "DAIRY_FREE"],
      available: true,
      photoUrl: "https://cdn.example.com/al-pastor.jpg",
    });
    const horchata = await item(drinks, { name: "Horchata", priceMinor: 300, available: false });
    expect(await menuOf()).toEqual({
      categories: [
        {
          id: tacos,
          name: "Tacos",
          position: 0,
          items: [
            {
              id: field<{ id: string }>(created, "createMenuItem").id,
              name: "Al Pastor",
              description: "Pork, pineapple, corn tortilla",
              priceMinor: 350,
              currency: "USD",
              dietaryTags: ["SPICY", "DAIRY_FREE"],
              available: true,
              photoUrl: "https://cdn.example.com/al-pastor.jpg",
            },
          ],
        },
        {
          id: drinks,
          name: "Drinks",
          position: 1,
          // Unavailable items stay on the public menu, marked as such.
          items: [
            {
              id: horchata,
              name: "Horchata",
              description: null,
              priceMinor: 300,
              currency: "USD",
              dietaryTags: [],
              available: false,
              photoUrl: null,
            },
          ],
        },
      ],
    });
  });

  it("toggles availability, and changes only the fields given", async () => {
    const tacos = await category("Tacos");
    const id = await item(tacos, { description: "Pork", photoUrl: "https://cdn.example.com/a.jpg" });
    expect(
      (await h.run(AVAILABILITY, { itemId: id, available: false }, owner)).data?.setMenuItemAvailability,
    ).toEqual({
      id,
      available: false,
    });
    const updated = await h.run(UPDATE_ITEM, { input: { id, priceMinor: 400, photoUrl: null } }, owner);
    expect(updated.data?.updateMenuItem).toEqual({
      id,
      name: "Al Pastor",
      priceMinor: 400,
      currency: "USD",
      description: "Pork",
      photoUrl: null,
      available: false,
    });
    const nothing = await h.run(UPDATE_ITEM, { input: { id } }, owner);
    expect(nothing.errors?.[0]?.extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "input" });
  });

  it.each([
    [{ priceMinor: -1 }, "priceMinor"],
    [{ currency: "usd" }, "currency"],
    [{ currency: "ABC" }, "currency"],
    [{ currency: "DOLLARS" }, "currency"],
    [{ name: "" }, "name"],
    [{ name: "x".repeat(81) }, "name"],
    [{ photoUrl: "http://cdn.example.com/a.jpg" }, "photoUrl"],
  ])("refuses a new item with %j as BAD_USER_INPUT on %s, writing nothing", async (fields, field) => {
    const tacos = await category("Tacos");
    const events = await eventsAfter(h, async () => {
      const result = await h.run(
        CREATE_ITEM,
        { input: { categoryId: tacos, name: "Al Pastor", priceMinor: 350, currency: "USD", ...fields } },
        owner,
      );
      expect(result.errors?.[0]?.extensions).toMatchObject({ code: "BAD_USER_INPUT", field });
    });
    expect((await menuOf()).categories[0]?.items).toEqual([]);
    expect(events).toEqual([]);
  });

  it("refuses a bad change to an item, leaving it as it was", async () => {
    const tacos = await category("Tacos");
    const id = await item(tacos);
    for (const [fields, field] of [
      [{ priceMinor: -5, name: "Cheaper" }, "priceMinor"],
      [{ currency: "EURO", name: "Renamed" }, "currency"],
    ] as const) {
      const result = await h.run(UPDATE_ITEM, { input: { id, ...fields } }, owner);
      expect(result.errors?.[0]?.extensions).toMatchObject({ code: "BAD_USER_INPUT", field });
    }
    expect((await menuOf()).categories[0]?.items[0]).toMatchObject({ name: "Al Pastor", priceMinor: 350 });
  });

  it("moves items only between the vendor's own categories", async () => {
    const tacos = await category("Tacos");
    const sides = await category("Sides");
    const id = await item(tacos);
    const otherVendorId = (
      await h.services.vendors.create({ name: "Other Cart", cuisines: ["bbq"], ownerId: "owner-2" })
    ).id;
    const { categoryId: foreign } = await h.services.menus.createCategory(otherVendorId, "Brisket");
    const refused = await h.run(UPDATE_ITEM, { input: { id, categoryId: foreign } }, owner);
    expect(refused.errors?.[0]?.extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "categoryId" });
    expect((await h.run(UPDATE_ITEM, { input: { id, categoryId: sides } }, owner)).errors).toBeUndefined();
    expect((await menuOf()).categories.map((c) => c.items.length)).toEqual([0, 1]);
  });

  it("reorders categories, given each of them once", async () => {
    const [a, b, c] = [await category("A"), await category("B"), await category("C")];
    for (const categoryIds of [
      [c, a],
      [c, a, b, b],
      [c, a, "nope"],
    ]) {
      const result = await h.run(REORDER, { input: { vendorId, categoryIds } }, owner);
      expect(result.errors?.[0]?.extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "categoryIds" });
    }
    const result = await h.run(REORDER, { input: { vendorId, categoryIds: [c, a, b] } }, owner);
    expect(result.data?.reorderMenuCategories).toEqual({
      id: vendorId,
      menu: {
        categories: [
          { id: c, position: 0 },
          { id: a, position: 1 },
          { id: b, position: 2 },
        ],
      },
    });
    expect((await menuOf()).categories.map((x) => x.name)).toEqual(["C", "A", "B"]);
  });

  it("deletes a category with its items, and single items", async () => {
    const tacos = await category("Tacos");
    const drinks = await category("Drinks");
    await item(tacos);
    const soda = await item(drinks, { name: "Soda" });
    const water = await item(drinks, { name: "Water" });
    const afterCategory = await h.run(DELETE_CATEGORY, { id: tacos }, owner);
    // Items made in the same millisecond are ordered by id: compare them as a set.
    const left = afterCategory.data?.deleteMenuCategory as {
      menu: { categories: { id: string; items: unknown[] }[] };
    };
    expect(left.menu.categories.map((c) => c.id)).toEqual([drinks]);
    expect(left.menu.categories[0]?.items).toHaveLength(2);
    expect(left.menu.categories[0]?.items).toEqual(expect.arrayContaining([{ id: soda }, { id: water }]));
    const afterItem = await h.run(DELETE_ITEM, { id: soda }, owner);
    expect(afterItem.data?.deleteMenuItem).toEqual({ menu: { categories: [{ items: [{ id: water }] }] } });
    expect(outcome(await h.run(DELETE_ITEM, { id: soda }, owner))).toBe("NOT_FOUND");
    expect(outcome(await h.run(DELETE_CATEGORY, { id: tacos }, owner))).toBe("NOT_FOUND");
  });

  it(`holds at most ${MAX_MENU_ITEMS} items per vendor`, async () => {
    const tacos = await category("Tacos");
    for (let i = 0; i < MAX_MENU_ITEMS; i += 1)
      await h.services.menus.createItem(vendorId, {
        categoryId: tacos,
        name: `Taco ${i}`,
        priceMinor: 300,
        currency: "USD",
      });
    const result = await h.run(
      CREATE_ITEM,
      { input: { categoryId: tacos, name: "One too many", priceMinor: 300, currency: "USD" } },
      owner,
    );
    expect(result.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
    expect((await menuOf()).categories[0]?.items).toHaveLength(MAX_MENU_ITEMS);
  });

  it("announces the whole menu, available items only, after every change", async () => {
    const events = await eventsAfter(h, async () => {
      const tacos = await category("Tacos");
      const drinks = await category("Drinks");
      await item(drinks, { name: "Horchata", description: "Rice and cinnamon", dietaryTags: ["VEGAN"] });
      const pastor = await item(tacos, { dietaryTags: ["SPICY"] });
      await h.run(AVAILABILITY, { itemId: pastor, available: false }, owner);
      await h.run(REORDER, { input: { vendorId, categoryIds: [drinks, tacos] } }, owner);
    });
    expect(events).toHaveLength(6);
    expect(events.every((e) => e.vendorId === vendorId && typeof e.updatedAt === "string")).toBe(true);
    expect(events.map((e) => e.items.map((i) => i.name))).toEqual([
      [],
      [],
      ["Horchata"],
      ["Al Pastor", "Horchata"],
      ["Horchata"],
      ["Horchata"],
    ]);
    expect(events[3]?.items).toEqual([
      { name: "Al Pastor", description: null, dietaryTags: ["SPICY"] },
      { name: "Horchata", description: "Rice and cinnamon", dietaryTags: ["VEGAN"] },
    ]);
  });

  describe("who may change a menu", () => {
    const partner = partnerViewer({ keyId: "key-1", name: "Eat Map", scopes: ["READ"] });

    it.each<[string, Viewer, string]>([
      ["anonymous", anonymous, "UNAUTHENTICATED"],
      ["a customer", customer, "FORBIDDEN"],
      ["a partner key", partner, "FORBIDDEN"],
      ["another vendor account", otherVendor, "FORBIDDEN"],
      ["its owner", owner, "allowed"],
      ["an admin", admin, "allowed"],
    ])("%s: %s", async (_who, viewer, expected) => {
      const tacos = await category("Tacos");
      const pastor = await item(tacos);
      const attempts = [
        await h.run(REORDER, { input: { vendorId, categoryIds: [tacos] } }, viewer),
        await h.run(CREATE_CATEGORY, { input: { vendorId, name: "Sides" } }, viewer),
        await h.run(
          `mutation ($input: UpdateMenuCategoryInput!) { updateMenuCategory(input: $input) { id } }`,
          { input: { id: tacos, name: "Renamed" } },
          viewer,
        ),
        await h.run(
          CREATE_ITEM,
          { input: { categoryId: tacos, name: "Suadero", priceMinor: 400, currency: "USD" } },
          viewer,
        ),
        await h.run(UPDATE_ITEM, { input: { id: pastor, priceMinor: 1 } }, viewer),
        await h.run(AVAILABILITY, { itemId: pastor, available: false }, viewer),
      ];
      expect(attempts.map(outcome)).toEqual(attempts.map(() => expected));
      const menu = await menuOf();
      if (expected === "allowed") {
        expect(menu.categories.map((c) => c.name)).toEqual(["Renamed", "Sides"]);
      } else {
        expect(menu).toMatchObject({
          categories: [{ name: "Tacos", items: [{ name: "Al Pastor", available: true }] }],
        });
        expect(outcome(await h.run(DELETE_ITEM, { id: pastor }, viewer))).toBe(expected);
        expect(outcome(await h.run(DELETE_CATEGORY, { id: tacos }, viewer))).toBe(expected);
        expect((await menuOf()).categories[0]?.items).toHaveLength(1);
      }
    });

    it("answers NOT_FOUND for a vendor, category or item that does not exist", async () => {
      expect(outcome(await h.run(CREATE_CATEGORY, { input: { vendorId: "nope", name: "X" } }, admin))).toBe(
        "NOT_FOUND",
      );
      expect(
        outcome(
          await h.run(
            CREATE_ITEM,
            { input: { categoryId: "nope", name: "X", priceMinor: 1, currency: "USD" } },
            admin,
          ),
        ),
      ).toBe("NOT_FOUND");
      expect(outcome(await h.run(AVAILABILITY, { itemId: "nope", available: true }, admin))).toBe(
        "NOT_FOUND",
      );
    });
  });

  it("reads the menus of every vendor in a response with one store query", async () => {
    for (let i = 0; i < 6; i += 1) {
      const vendor = { name: `Cart ${i}`, cuisines: ["bbq"], ownerId: "owner-1" };
      const id = (await h.services.vendors.create(vendor, { verified: true })).id;
      const { categoryId } = await h.services.menus.createCategory(id, "Mains");
      await h.services.menus.createItem(id, {
        categoryId,
        name: `Plate ${i}`,
        priceMinor: 900,
        currency: "USD",
      });
    }
    let queries = 0;
    const findByVendorIds = h.stores.menus.findByVendorIds.bind(h.stores.menus);
    h.stores.menus.findByVendorIds = (ids) => {
      queries += 1;
      return findByVendorIds(ids);
    };
    const result = await h.run(
      `{ vendors(first: 20) { edges { node { name menu { categories { items { name } } } } } } }`,
    );
    expect(result.errors).toBeUndefined();
    type Page = { edges: { node: { name: string; menu: MenuShape } }[] };
    const nodes = field<Page>(result, "vendors").edges.map((e) => e.node);
    expect(nodes).toHaveLength(7);
    expect(nodes.find((n) => n.name === "Cart 3")?.menu.categories[0]?.items).toEqual([{ name: "Plate 3" }]);
    expect(nodes.find((n) => n.name === "Taco Cart")?.menu).toEqual({ categories: [] });
    expect(queries).toBe(1);
  });
});

type MenuUpdated = DomainEvent<"marketplace.menu_updated">["payload"];

/** The `menu_updated` payloads published while `act` runs, in order. */
async function eventsAfter(h: Harness, act: () => Promise<void>): Promise<MenuUpdated[]> {
  // Markers published before and after: what arrives between them was published by `act`.
  // Announcements go through the outbox: each is on the bus once the relay is flushed.
  const marker = (at: string) => ({ vendorId: "marker", timeZone: "UTC", updatedAt: at });
  await h.relay.flush();
  await h.bus.publish("marketplace.schedule_updated", marker("start"));
  await act();
  await h.relay.flush();
  await h.bus.publish("marketplace.schedule_updated", marker("end"));
  const seen: MenuUpdated[] = [];
  let state: "before" | "during" | "done" = "before";
  const types = ["marketplace.menu_updated", "marketplace.schedule_updated"] as const;
  const consumption = h.bus.consume(`test-${Math.random()}`, types, (event) => {
    const payload = event.payload as { vendorId: string; updatedAt: string };
    if (payload.vendorId === "marker") state = payload.updatedAt === "start" ? "during" : "done";
    else if (state === "during" && event.type === "marketplace.menu_updated")
      seen.push(event.payload as MenuUpdated);
  });
  await expect.poll(() => state).toBe("done");
  await consumption.stop();
  return seen;
}
