import type { Announce } from "@venta/events";
import type { MenuCategoryRecord, MenuItemChanges, MenuItemRecord, MenuRecord } from "./menu.record.js";

/** The vendor's menu already holds the most categories or items it may. */
export class MenuLimitError extends Error {
  constructor(
    readonly kind: "categories" | "items",
    readonly limit: number,
  ) {
    super(`a menu holds at most ${limit} ${kind}`);
  }
}

/** An item was to be listed under a category the vendor does not have. */
export class UnknownMenuCategoryError extends Error {
  constructor(readonly categoryId: string) {
    super(`the vendor has no menu category ${categoryId}`);
  }
}

/**
 * Where menus live. Each adapter must pass `menus.store.contract.ts`. Every write is atomic (limits
 * included, checked in the same write) and returns the vendor's whole menu as it left it; what its
 * `announce` makes of that menu (null: nothing changed) goes to the outbox in the same write, so the
 * caller announces exactly that state.
 */
export interface MenusStore {
  /** The menus of these vendors in one round trip; a vendor without a menu gets none back. */
  findByVendorIds(vendorIds: readonly string[]): Promise<MenuRecord[]>;
  findCategory(id: string): Promise<MenuCategoryRecord | null>;
  findItem(id: string): Promise<MenuItemRecord | null>;
  /**
   * Adds a category after the vendor's last one (its `position` is set by the store).
   * @throws MenuLimitError when the vendor already has `maxCategories`.
   */
  insertCategory(
    category: Omit<MenuCategoryRecord, "position">,
    maxCategories: number,
    announce?: Announce<MenuRecord>,
  ): Promise<MenuRecord>;
  /** Null when the vendor has no such category. */
  renameCategory(
    vendorId: string,
    id: string,
    name: string,
    at: Date,
    announce?: Announce<MenuRecord | null>,
  ): Promise<MenuRecord | null>;
  /** Deletes the category and its items; the categories after it move up. Null when there is none. */
  deleteCategory(
    vendorId: string,
    id: string,
    announce?: Announce<MenuRecord | null>,
  ): Promise<MenuRecord | null>;
  /** Puts the categories in the order of `ids`; null unless `ids` are exactly the vendor's categories. */
  reorderCategories(
    vendorId: string,
    ids: readonly string[],
    announce?: Announce<MenuRecord | null>,
  ): Promise<MenuRecord | null>;
  /**
   * Adds an item under `item.categoryId`. Null when the vendor has no such category.
   * @throws MenuLimitError when the vendor already has `maxItems`.
   */
  insertItem(
    item: MenuItemRecord,
    maxItems: number,
    announce?: Announce<MenuRecord | null>,
  ): Promise<MenuRecord | null>;
  /**
   * Applies `changes` to an item of the vendor; null when it has no such item.
   * @throws UnknownMenuCategoryError when `changes.categoryId` is not one of the vendor's categories.
   */
  updateItem(
    vendorId: string,
    id: string,
    changes: MenuItemChanges,
    at: Date,
    announce?: Announce<MenuRecord | null>,
  ): Promise<MenuRecord | null>;
  /** Null when the vendor has no such item. */
  deleteItem(
    vendorId: string,
    id: string,
    announce?: Announce<MenuRecord | null>,
  ): Promise<MenuRecord | null>;
  /** Replaces the vendor's whole menu in one write; categories keep the order given. */
  replace(menu: MenuRecord, announce?: Announce<MenuRecord>): Promise<MenuRecord>;
}
