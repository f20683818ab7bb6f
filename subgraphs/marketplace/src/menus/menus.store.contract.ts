import type { Outbox } from "@venta/events";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { announceIf, failingAnnounce, recordedLabels } from "../outbox.harness.js";
import type { MenuCategoryRecord, MenuItemRecord, MenuRecord } from "./menu.record.js";
import { MenuLimitError, type MenusStore, UnknownMenuCategoryError } from "./menus.store.js";

export interface OpenedMenusStore {
  store: MenusStore;
  /** The outbox the store records its announcements in. */
  outbox: Outbox;
  close(): Promise<void>;
}

const at = (seconds: number) => new Date(Date.UTC(2026, 0, 1) + seconds * 1000);

export const categoryFixture = (
  n: number,
  vendorId = "vendor-001",
  overrides: Partial<MenuCategoryRecord> = {},
): Omit<MenuCategoryRecord, "position"> => ({
  id: `category-${String(n).padStart(3, "0")}`,
  vendorId,
  name: `Category ${n}`,
  createdAt: at(n),
  updatedAt: at(n),
  ...overrides,
});

export const itemFixture = (
  n: number,
  categoryId = "category-001",
  overrides: Partial<MenuItemRecord> = {},
): MenuItemRecord => ({
  id: `item-${String(n).padStart(3, "0")}`,
  vendorId: "vendor-001",
  categoryId,
  name: `Item ${n}`,
  description: n % 2 === 0 ? `Description ${n}` : null,
  priceMinor: 100 * n + 50,
  currency: "USD",
  dietaryTags: n % 3 === 0 ? ["VEGAN", "GLUTEN_FREE"] : [],
  available: n % 4 !== 0,
  photoUrl: n % 2 === 0 ? `https://cdn.example.com/items/${n}.jpg` : null,
  createdAt: at(100 + n),
  updatedAt: at(100 + n),
  ...overrides,
});

const positioned = (category: Omit<MenuCategoryRecord, "position">, position: number) => ({
  ...category,
  position,
});

const idsOf = (menu: MenuRecord | null) => ({
  categories: menu?.categories.map((c) => [c.id, c.position]),
  items: menu?.items.map((i) => i.id),
});

/** The behaviour every menus store must show; each adapter's test file runs it. */
export function menusStoreContract(adapter: string, open: () => Promise<OpenedMenusStore>): void {
  describe(`${adapter} menus store`, () => {
    let opened: OpenedMenusStore;
    let store: MenusStore;
    beforeEach(async () => {
      opened = await open();
      store = opened.store;
    });
    afterEach(() => opened.close());

    const menuOf = async (vendorId = "vendor-001") => (await store.findByVendorIds([vendorId]))[0] ?? null;

    it("records an announcement with each write that changed the menu, and only those", async () => {
      const changed = (menu: MenuRecord | null) => menu !== null;
      await store.insertCategory(categoryFixture(1), 50, announceIf("category", changed));
      await store.renameCategory("vendor-001", "missing", "x", at(2), announceIf("rename missing", changed));
      await store.insertItem(itemFixture(1), 200, announceIf("item", changed));
      await store.insertItem(itemFixture(2, "missing"), 200, announceIf("item in missing", changed));
      await store.updateItem(
        "vendor-001",
        itemFixture(1).id,
        { name: "New" },
        at(3),
        announceIf("update", changed),
      );
      await store.deleteItem("vendor-001", "missing", announceIf("delete missing", changed));
      await expect(
        store.insertCategory(categoryFixture(2), 1, announceIf("over limit", changed)),
      ).rejects.toThrow(MenuLimitError);
      await store.deleteCategory("vendor-001", categoryFixture(1).id, announceIf("delete category", changed));
      expect(await recordedLabels(opened.outbox)).toEqual(["category", "item", "update", "delete category"]);
    });

    it("writes nothing when its announcement cannot be made", async () => {
      await store.insertCategory(categoryFixture(1), 50);
      await expect(store.insertItem(itemFixture(1), 200, failingAnnounce)).rejects.toThrow();
      await expect(
        store.replace({ vendorId: "vendor-001", categories: [], items: [] }, failingAnnounce),
      ).rejects.toThrow();
      expect((await menuOf())?.categories).toHaveLength(1);
      expect((await menuOf())?.items).toEqual([]);
      expect(await opened.outbox.count()).toBe(0);
    });

    it("stores and reads back every field of categories and items", async () => {
      await store.insertCategory(categoryFixture(1), 50);
      await store.insertCategory(categoryFixture(2), 50);
      const items = [itemFixture(1), itemFixture(2, "category-002"), itemFixture(3), itemFixture(4)];
      let last: MenuRecord | null = null;
      for (const item of items) last = await store.insertItem(item, 200);
      const expected: MenuRecord = {
        vendorId: "vendor-001",
        categories: [positioned(categoryFixture(1), 0), positioned(categoryFixture(2), 1)],
        items,
      };
      expect(last).toEqual(expected);
      expect(await menuOf()).toEqual(expected);
      expect(await store.findCategory("category-002")).toEqual(positioned(categoryFixture(2), 1));
      expect(await store.findItem("item-003")).toEqual(itemFixture(3));
      expect(await store.findCategory("missing")).toBeNull();
      expect(await store.findItem("missing")).toBeNull();
    });

    it("lists items in the order they were added: creation time, then id", async () => {
      await store.insertCategory(categoryFixture(1), 50);
      await store.insertItem(itemFixture(3, "category-001", { createdAt: at(5) }), 200);
      await store.insertItem(itemFixture(2, "category-001", { createdAt: at(5) }), 200);
      await store.insertItem(itemFixture(1, "category-001", { createdAt: at(9) }), 200);
      expect(idsOf(await menuOf()).items).toEqual(["item-002", "item-003", "item-001"]);
    });

    it("reads the menus of many vendors at once; vendors without one are absent", async () => {
      for (const vendorId of ["vendor-001", "vendor-002", "vendor-003"]) {
        await store.insertCategory(categoryFixture(Number(vendorId.slice(-1)), vendorId), 50);
      }
      await store.insertItem(itemFixture(1, "category-002", { vendorId: "vendor-002" }), 200);
      const menus = await store.findByVendorIds(["vendor-003", "nope", "vendor-002"]);
      expect(menus.map((m) => m.vendorId).sort()).toEqual(["vendor-002", "vendor-003"]);
      expect(idsOf(menus.find((m) => m.vendorId === "vendor-002") ?? null)).toEqual({
        categories: [["category-002", 0]],
        items: ["item-001"],
      });
      expect(await store.findByVendorIds([])).toEqual([]);
    });

    it("appends categories, up to the limit, counting each vendor on its own", async () => {
      for (const n of [1, 2, 3]) await store.insertCategory(categoryFixture(n), 3);
      await expect(store.insertCategory(categoryFixture(4), 3)).rejects.toBeInstanceOf(MenuLimitError);
      expect(await store.findCategory("category-004")).toBeNull();
      await store.insertCategory(categoryFixture(5, "vendor-002"), 3);
      expect(idsOf(await menuOf()).categories).toEqual([
        ["category-001", 0],
        ["category-002", 1],
        ["category-003", 2],
      ]);
    });

    it("renames a category of the vendor only", async () => {
      await store.insertCategory(categoryFixture(1), 50);
      const renamed = await store.renameCategory("vendor-001", "category-001", "Drinks", at(50));
      expect(renamed?.categories[0]).toEqual({
        ...positioned(categoryFixture(1), 0),
        name: "Drinks",
        updatedAt: at(50),
      });
      expect(await store.renameCategory("vendor-002", "category-001", "Stolen", at(60))).toBeNull();
      expect(await store.renameCategory("vendor-001", "missing", "Nope", at(60))).toBeNull();
      expect((await store.findCategory("category-001"))?.name).toBe("Drinks");
    });

    it("deletes a category with its items; the ones after it move up", async () => {
      for (const n of [1, 2, 3]) await store.insertCategory(categoryFixture(n), 50);
      await store.insertItem(itemFixture(1, "category-001"), 200);
      await store.insertItem(itemFixture(2, "category-002"), 200);
      await store.insertItem(itemFixture(3, "category-002"), 200);
      await store.insertItem(itemFixture(4, "category-003"), 200);
      expect(await store.deleteCategory("vendor-002", "category-002")).toBeNull();
      const after = await store.deleteCategory("vendor-001", "category-002");
      expect(idsOf(after)).toEqual({
        categories: [
          ["category-001", 0],
          ["category-003", 1],
        ],
        items: ["item-001", "item-004"],
      });
      expect(idsOf(await menuOf())).toEqual(idsOf(after));
      expect(await store.findItem("item-002")).toBeNull();
      expect(await store.deleteCategory("vendor-001", "category-002")).toBeNull();
      // New categories still go last, after a deletion left the positions dense.
      const appended = await store.insertCategory(categoryFixture(4), 50);
      expect(appended.categories.map((c) => c.position)).toEqual([0, 1, 2]);
    });

    it("reorders only when given exactly the vendor's categories", async () => {
      for (const n of [1, 2, 3]) await store.insertCategory(categoryFixture(n), 50);
      await store.insertCategory(categoryFixture(9, "vendor-002"), 50);
      const before = idsOf(await menuOf());
      for (const ids of [
        ["category-003", "category-001"],
        ["category-003", "category-001", "category-002", "category-009"],
        ["category-003", "category-001", "category-001"],
        ["category-003", "category-001", "category-009"],
      ]) {
        expect(await store.reorderCategories("vendor-001", ids), ids.join()).toBeNull();
      }
      expect(idsOf(await menuOf())).toEqual(before);
      const reordered = await store.reorderCategories("vendor-001", [
        "category-003",
        "category-001",
        "category-002",
      ]);
      expect(idsOf(reordered).categories).toEqual([
        ["category-003", 0],
        ["category-001", 1],
        ["category-002", 2],
      ]);
      expect(idsOf(await menuOf())).toEqual(idsOf(reordered));
      expect(await store.findCategory("category-002")).toMatchObject({ position: 2, name: "Category 2" });
      // No categories is an order of its own: only for a vendor that has none.
      expect(await store.reorderCategories("vendor-001", [])).toBeNull();
      expect(await store.reorderCategories("vendor-003", [])).toEqual({
        vendorId: "vendor-003",
        categories: [],
        items: [],
      });
    });

    it("adds items only under the vendor's own categories, up to the limit", async () => {
      await store.insertCategory(categoryFixture(1), 50);
      await store.insertCategory(categoryFixture(2, "vendor-002"), 50);
      expect(await store.insertItem(itemFixture(1, "missing"), 200)).toBeNull();
      expect(await store.insertItem(itemFixture(1, "category-002"), 200)).toBeNull();
      for (const n of [1, 2, 3]) await store.insertItem(itemFixture(n), 3);
      await expect(store.insertItem(itemFixture(4), 3)).rejects.toBeInstanceOf(MenuLimitError);
      expect(await store.findItem("item-004")).toBeNull();
      expect(idsOf(await menuOf()).items).toEqual(["item-001", "item-002", "item-003"]);
    });

    it("updates only the given fields of an item, and moves it between the vendor's categories", async () => {
      await store.insertCategory(categoryFixture(1), 50);
      await store.insertCategory(categoryFixture(2), 50);
      await store.insertCategory(categoryFixture(3, "vendor-002"), 50);
      await store.insertItem(itemFixture(2), 200);
      const updated = await store.updateItem(
        "vendor-001",
        "item-002",
        { priceMinor: 999, available: false, dietaryTags: ["HALAL"], description: null, photoUrl: null },
        at(500),
      );
      const expected = {
        ...itemFixture(2),
        priceMinor: 999,
        available: false,
        dietaryTags: ["HALAL"],
        description: null,
        photoUrl: null,
        updatedAt: at(500),
      };
      expect(updated?.items).toEqual([expected]);
      const moved = await store.updateItem("vendor-001", "item-002", { categoryId: "category-002" }, at(600));
      expect(moved?.items[0]).toEqual({ ...expected, categoryId: "category-002", updatedAt: at(600) });
      await expect(
        store.updateItem("vendor-001", "item-002", { categoryId: "category-003", name: "Moved" }, at(700)),
      ).rejects.toBeInstanceOf(UnknownMenuCategoryError);
      expect(await store.findItem("item-002")).toEqual({
        ...expected,
        categoryId: "category-002",
        updatedAt: at(600),
      });
      expect(await store.updateItem("vendor-002", "item-002", { name: "Stolen" }, at(800))).toBeNull();
      expect(
        await store.updateItem("vendor-001", "missing", { categoryId: "category-001" }, at(800)),
      ).toBeNull();
    });

    it("deletes an item of the vendor only", async () => {
      await store.insertCategory(categoryFixture(1), 50);
      await store.insertItem(itemFixture(1), 200);
      await store.insertItem(itemFixture(2), 200);
      expect(await store.deleteItem("vendor-002", "item-001")).toBeNull();
      expect(idsOf(await store.deleteItem("vendor-001", "item-001")).items).toEqual(["item-002"]);
      expect(await store.deleteItem("vendor-001", "item-001")).toBeNull();
    });

    it("replaces a whole menu, leaving other vendors' alone", async () => {
      await store.insertCategory(categoryFixture(1), 50);
      await store.insertItem(itemFixture(1), 200);
      await store.insertCategory(categoryFixture(2, "vendor-002"), 50);
      const replacement: MenuRecord = {
        vendorId: "vendor-001",
        categories: [positioned(categoryFixture(7), 0), positioned(categoryFixture(8), 1)],
        items: [itemFixture(7, "category-008"), itemFixture(8, "category-007")],
      };
      expect(await store.replace(replacement)).toEqual(replacement);
      expect(await menuOf()).toEqual(replacement);
      expect(await store.findItem("item-001")).toBeNull();
      expect(await store.findCategory("category-001")).toBeNull();
      expect(idsOf(await menuOf("vendor-002")).categories).toEqual([["category-002", 0]]);
      expect(await store.replace({ vendorId: "vendor-003", categories: [], items: [] })).toEqual({
        vendorId: "vendor-003",
        categories: [],
        items: [],
      });
    });
  });
}
