import type { Announce, SqliteOutbox } from "@venta/events";
import type Database from "better-sqlite3";
import type {
  DietaryTag,
  MenuCategoryRecord,
  MenuItemChanges,
  MenuItemRecord,
  MenuRecord,
} from "./menu.record.js";
import { MenuLimitError, type MenusStore, UnknownMenuCategoryError } from "./menus.store.js";

interface CategoryRow {
  id: string;
  vendor_id: string;
  name: string;
  position: number;
  created_at: number;
  updated_at: number;
}

interface ItemRow {
  id: string;
  vendor_id: string;
  category_id: string;
  name: string;
  description: string | null;
  price_minor: number;
  currency: string;
  dietary_tags: string;
  available: number;
  photo_url: string | null;
  created_at: number;
  updated_at: number;
}

const CATEGORY_COLUMNS = "id, vendor_id, name, position, created_at, updated_at";
const ITEM_COLUMNS =
  "id, vendor_id, category_id, name, description, price_minor, currency, dietary_tags, available, photo_url, created_at, updated_at";

const toCategory = (row: CategoryRow): MenuCategoryRecord => ({
  id: row.id,
  vendorId: row.vendor_id,
  name: row.name,
  position: row.position,
  createdAt: new Date(row.created_at),
  updatedAt: new Date(row.updated_at),
});

const toItem = (row: ItemRow): MenuItemRecord => ({
  id: row.id,
  vendorId: row.vendor_id,
  categoryId: row.category_id,
  name: row.name,
  description: row.description,
  priceMinor: row.price_minor,
  currency: row.currency,
  dietaryTags: JSON.parse(row.dietary_tags) as DietaryTag[],
  available: row.available === 1,
  photoUrl: row.photo_url,
  createdAt: new Date(row.created_at),
  updatedAt: new Date(row.updated_at),
});

/** Column for each field an item change may set. */
const ITEM_FIELDS: Record<keyof MenuItemChanges, string> = {
  categoryId: "category_id",
  name: "name",
  description: "description",
  priceMinor: "price_minor",
  currency: "currency",
  dietaryTags: "dietary_tags",
  available: "available",
  photoUrl: "photo_url",
};

function itemParams(item: MenuItemRecord): Record<string, unknown> {
  return {
    id: item.id,
    vendorId: item.vendorId,
    categoryId: item.categoryId,
    name: item.name,
    description: item.description,
    priceMinor: item.priceMinor,
    currency: item.currency,
    dietaryTags: JSON.stringify(item.dietaryTags),
    available: item.available ? 1 : 0,
    photoUrl: item.photoUrl,
    createdAt: item.createdAt.getTime(),
    updatedAt: item.updatedAt.getTime(),
  };
}

/**
 * Menus in the embedded SQLite database: a row per category and per item. Every write runs in an
 * IMMEDIATE transaction (the write lock is taken first), so the limit checks and the write cannot
 * interleave with another writer, and the menu it returns is the one it left.
 */
export class SqliteMenusStore implements MenusStore {
  constructor(
    private readonly db: Database.Database,
    private readonly outbox: SqliteOutbox,
  ) {}

  async findByVendorIds(vendorIds: readonly string[]): Promise<MenuRecord[]> {
    if (vendorIds.length === 0) return [];
    // One read transaction: the categories and the items are of the same moment.
    return this.db.transaction(() => {
      const ids = JSON.stringify(vendorIds);
      const categories = this.db
        .prepare<[string], CategoryRow>(
          `SELECT ${CATEGORY_COLUMNS} FROM menu_categories WHERE vendor_id IN (SELECT value FROM json_each(?)) ORDER BY vendor_id, position`,
        )
        .all(ids)
        .map(toCategory);
      const items = this.db
        .prepare<[string], ItemRow>(
          `SELECT ${ITEM_COLUMNS} FROM menu_items WHERE vendor_id IN (SELECT value FROM json_each(?)) ORDER BY vendor_id, created_at, id`,
        )
        .all(ids)
        .map(toItem);
      const menus = new Map<string, MenuRecord>();
      for (const category of categories) {
        const menu = menus.get(category.vendorId) ?? {
          vendorId: category.vendorId,
          categories: [],
          items: [],
        };
        menu.categories.push(category);
        menus.set(category.vendorId, menu);
      }
      for (const item of items) menus.get(item.vendorId)?.items.push(item);
      return [...menus.values()];
    })();
  }

  async findCategory(id: string): Promise<MenuCategoryRecord | null> {
    const row = this.db
      .prepare<[string], CategoryRow>(`SELECT ${CATEGORY_COLUMNS} FROM menu_categories WHERE id = ?`)
      .get(id);
    return row ? toCategory(row) : null;
  }

  async findItem(id: string): Promise<MenuItemRecord | null> {
    const row = this.db
      .prepare<[string], ItemRow>(`SELECT ${ITEM_COLUMNS} FROM menu_items WHERE id = ?`)
      .get(id);
    return row ? toItem(row) : null;
  }

  async insertCategory(
    category: Omit<MenuCategoryRecord, "position">,
    maxCategories: number,
    announce?: Announce<MenuRecord>,
  ): Promise<MenuRecord> {
    return this.write(() => {
      const count = this.categoryCount(category.vendorId);
      if (count >= maxCategories) throw new MenuLimitError("categories", maxCategories);
      this.db
        .prepare(
          `INSERT INTO menu_categories (${CATEGORY_COLUMNS}) VALUES (@id, @vendorId, @name, @position, @createdAt, @updatedAt)`,
        )
        .run({
          id: category.id,
          vendorId: category.vendorId,
          name: category.name,
          position: count,
          createdAt: category.createdAt.getTime(),
          updatedAt: category.updatedAt.getTime(),
        });
      return this.menuOf(category.vendorId);
    }, announce);
  }

  async renameCategory(
    vendorId: string,
    id: string,
    name: string,
    at: Date,
    announce?: Announce<MenuRecord | null>,
  ): Promise<MenuRecord | null> {
    return this.write(() => {
      const { changes } = this.db
        .prepare("UPDATE menu_categories SET name = ?, updated_at = ? WHERE id = ? AND vendor_id = ?")
        .run(name, at.getTime(), id, vendorId);
      return changes === 0 ? null : this.menuOf(vendorId);
    }, announce);
  }

  async deleteCategory(
    vendorId: string,
    id: string,
    announce?: Announce<MenuRecord | null>,
  ): Promise<MenuRecord | null> {
    return this.write(() => {
      const deleted = this.db
        .prepare<[string, string], { position: number }>(
          "DELETE FROM menu_categories WHERE id = ? AND vendor_id = ? RETURNING position",
        )
        .get(id, vendorId);
      if (!deleted) return null;
      this.db.prepare("DELETE FROM menu_items WHERE category_id = ? AND vendor_id = ?").run(id, vendorId);
      // Keep positions without gaps: the categories after the deleted one move up.
      this.db
        .prepare("UPDATE menu_categories SET position = position - 1 WHERE vendor_id = ? AND position > ?")
        .run(vendorId, deleted.position);
      return this.menuOf(vendorId);
    }, announce);
  }

  async reorderCategories(
    vendorId: string,
    ids: readonly string[],
    announce?: Announce<MenuRecord | null>,
  ): Promise<MenuRecord | null> {
    return this.write(() => {
      const current = this.db
        .prepare<[string], { id: string }>("SELECT id FROM menu_categories WHERE vendor_id = ?")
        .all(vendorId)
        .map((row) => row.id);
      const wanted = new Set(ids);
      if (
        wanted.size !== ids.length ||
        current.length !== ids.length ||
        !current.every((id) => wanted.has(id))
      )
        return null;
      const move = this.db.prepare("UPDATE menu_categories SET position = ? WHERE id = ? AND vendor_id = ?");
      for (const [position, id] of ids.entries()) move.run(position, id, vendorId);
      return this.menuOf(vendorId);
    }, announce);
  }

  async insertItem(
    item: MenuItemRecord,
    maxItems: number,
    announce?: Announce<MenuRecord | null>,
  ): Promise<MenuRecord | null> {
    return this.write(() => {
      if (!this.hasCategory(item.vendorId, item.categoryId)) return null;
      const count = this.db
        .prepare<[string], { n: number }>("SELECT count(*) AS n FROM menu_items WHERE vendor_id = ?")
        .get(item.vendorId);
      if ((count?.n ?? 0) >= maxItems) throw new MenuLimitError("items", maxItems);
      this.insertItemRow(item);
      return this.menuOf(item.vendorId);
    }, announce);
  }

  async updateItem(
    vendorId: string,
    id: string,
    changes: MenuItemChanges,
    at: Date,
    announce?: Announce<MenuRecord | null>,
  ): Promise<MenuRecord | null> {
    return this.write(() => {
      const exists = this.db
        .prepare<[string, string], { id: string }>("SELECT id FROM menu_items WHERE id = ? AND vendor_id = ?")
        .get(id, vendorId);
      if (!exists) return null;
      if (changes.categoryId !== undefined && !this.hasCategory(vendorId, changes.categoryId))
        throw new UnknownMenuCategoryError(changes.categoryId);
      const sets = ["updated_at = @updatedAt"];
      const params: Record<string, unknown> = { id, vendorId, updatedAt: at.getTime() };
      for (const [field, value] of Object.entries(changes) as [keyof MenuItemChanges, unknown][]) {
        if (value === undefined) continue;
        sets.push(`${ITEM_FIELDS[field]} = @${field}`);
        params[field] =
          field === "dietaryTags" ? JSON.stringify(value) : field === "available" ? (value ? 1 : 0) : value;
      }
      this.db
        .prepare(`UPDATE menu_items SET ${sets.join(", ")} WHERE id = @id AND vendor_id = @vendorId`)
        .run(params);
      return this.menuOf(vendorId);
    }, announce);
  }

  async deleteItem(
    vendorId: string,
    id: string,
    announce?: Announce<MenuRecord | null>,
  ): Promise<MenuRecord | null> {
    return this.write(() => {
      const { changes } = this.db
        .prepare("DELETE FROM menu_items WHERE id = ? AND vendor_id = ?")
        .run(id, vendorId);
      return changes === 0 ? null : this.menuOf(vendorId);
    }, announce);
  }

  async replace(menu: MenuRecord, announce?: Announce<MenuRecord>): Promise<MenuRecord> {
    return this.write(() => {
      this.db.prepare("DELETE FROM menu_items WHERE vendor_id = ?").run(menu.vendorId);
      this.db.prepare("DELETE FROM menu_categories WHERE vendor_id = ?").run(menu.vendorId);
      const insertCategory = this.db.prepare(
        `INSERT INTO menu_categories (${CATEGORY_COLUMNS}) VALUES (@id, @vendorId, @name, @position, @createdAt, @updatedAt)`,
      );
      for (const category of menu.categories) {
        insertCategory.run({
          id: category.id,
          vendorId: menu.vendorId,
          name: category.name,
          position: category.position,
          createdAt: category.createdAt.getTime(),
          updatedAt: category.updatedAt.getTime(),
        });
      }
      for (const item of menu.items) this.insertItemRow(item);
      return this.menuOf(menu.vendorId);
    }, announce);
  }

  /**
   * Runs a write in an IMMEDIATE transaction, with what `announce` makes of its result recorded in the
   * outbox: all of it or nothing, with the write lock held.
   */
  private write<T>(body: () => T, announce: Announce<T> | undefined): T {
    return this.outbox.record(body, announce);
  }

  private insertItemRow(item: MenuItemRecord): void {
    this.db
      .prepare(
        `INSERT INTO menu_items (${ITEM_COLUMNS}) VALUES (@id, @vendorId, @categoryId, @name, @description, @priceMinor, @currency, @dietaryTags, @available, @photoUrl, @createdAt, @updatedAt)`,
      )
      .run(itemParams(item));
  }

  private categoryCount(vendorId: string): number {
    return (
      this.db
        .prepare<[string], { n: number }>("SELECT count(*) AS n FROM menu_categories WHERE vendor_id = ?")
        .get(vendorId)?.n ?? 0
    );
  }

  private hasCategory(vendorId: string, categoryId: string): boolean {
    return (
      this.db
        .prepare<[string, string], { id: string }>(
          "SELECT id FROM menu_categories WHERE id = ? AND vendor_id = ?",
        )
        .get(categoryId, vendorId) !== undefined
    );
  }

  private menuOf(vendorId: string): MenuRecord {
    const categories = this.db
      .prepare<[string], CategoryRow>(
        `SELECT ${CATEGORY_COLUMNS} FROM menu_categories WHERE vendor_id = ? ORDER BY position`,
      )
      .all(vendorId)
      .map(toCategory);
    const items = this.db
      .prepare<[string], ItemRow>(
        `SELECT ${ITEM_COLUMNS} FROM menu_items WHERE vendor_id = ? ORDER BY created_at, id`,
      )
      .all(vendorId)
      .map(toItem);
    return { vendorId, categories, items };
  }
}
