import { randomUUID } from "node:crypto";
import { type Announce, type EventPayload, newEvent } from "@venta/events";
import { badUserInput, notFound } from "@venta/kit";
import {
  MAX_MENU_CATEGORIES,
  MAX_MENU_ITEMS,
  type MenuItemChanges,
  type MenuItemRecord,
  type MenuRecord,
} from "./menu.record.js";
import {
  validCurrency,
  validDietaryTags,
  validItemDescription,
  validMenuName,
  validPhotoUrl,
  validPriceMinor,
} from "./menu.validation.js";
import { menuSections } from "./menu.view.js";
import { MenuLimitError, type MenusStore, UnknownMenuCategoryError } from "./menus.store.js";

export interface NewMenuItem {
  categoryId: string;
  name: string;
  description?: string | null | undefined;
  priceMinor: number;
  currency: string;
  dietaryTags?: readonly string[] | null | undefined;
  /** True when omitted. */
  available?: boolean | null | undefined;
  photoUrl?: string | null | undefined;
}

/** Omitted (or null) fields keep their value, except `description` and `photoUrl`: null clears them. */
export interface MenuItemUpdate {
  categoryId?: string | null | undefined;
  name?: string | null | undefined;
  description?: string | null | undefined;
  priceMinor?: number | null | undefined;
  currency?: string | null | undefined;
  dietaryTags?: readonly string[] | null | undefined;
  available?: boolean | null | undefined;
  photoUrl?: string | null | undefined;
}

/** A whole menu to import at once: categories in order, each with its items in order. */
export interface MenuImport {
  categories: readonly { name: string; items: readonly Omit<NewMenuItem, "categoryId">[] }[];
}

/** The agreed `marketplace.menu_updated` payload: the whole current menu, available items only. */
export function menuUpdatedPayload(menu: MenuRecord, at: Date): EventPayload<"marketplace.menu_updated"> {
  return {
    vendorId: menu.vendorId,
    items: menuSections(menu).flatMap((section) =>
      section.items
        .filter((item) => item.available)
        .map((item) => ({
          name: item.name,
          description: item.description,
          dietaryTags: [...item.dietaryTags],
        })),
    ),
    updatedAt: at.toISOString(),
  };
}

/**
 * Menu rules: validation (all of it before any write), limits, and the `menu_updated` event after
 * every change. Who may change a menu is the resolver's concern; vendor ids given here are trusted.
 */
export class MenusService {
  constructor(
    private readonly menus: MenusStore,
    private readonly now: () => Date = () => new Date(),
  ) {}

  async createCategory(vendorId: string, name: string): Promise<{ menu: MenuRecord; categoryId: string }> {
    const at = this.now();
    const category = { id: randomUUID(), vendorId, name: validMenuName(name), createdAt: at, updatedAt: at };
    const menu = await this.write(() =>
      this.menus.insertCategory(category, MAX_MENU_CATEGORIES, this.announcing(at)),
    );
    return { menu, categoryId: category.id };
  }

  async renameCategory(vendorId: string, id: string, name: string): Promise<MenuRecord> {
    const valid = validMenuName(name);
    const at = this.now();
    return found(
      await this.menus.renameCategory(vendorId, id, valid, at, this.announcing(at)),
      `no menu category ${id}`,
    );
  }

  /** Deletes the category and every item in it. */
  async deleteCategory(vendorId: string, id: string): Promise<MenuRecord> {
    return found(await this.menus.deleteCategory(vendorId, id, this.announcing()), `no menu category ${id}`);
  }

  /** `ids` must list each of the vendor's categories once, in the new order. */
  async reorderCategories(vendorId: string, ids: readonly string[]): Promise<MenuRecord> {
    const menu = await this.menus.reorderCategories(vendorId, ids, this.announcing());
    if (!menu)
      throw badUserInput(
        "categoryIds must list each of the vendor's menu categories exactly once",
        "categoryIds",
      );
    return menu;
  }

  async createItem(vendorId: string, input: NewMenuItem): Promise<{ menu: MenuRecord; itemId: string }> {
    const at = this.now();
    const item: MenuItemRecord = {
      id: randomUUID(),
      vendorId,
      categoryId: input.categoryId,
      name: validMenuName(input.name),
      description: validItemDescription(input.description),
      priceMinor: validPriceMinor(input.priceMinor),
      currency: validCurrency(input.currency),
      dietaryTags: validDietaryTags(input.dietaryTags ?? []),
      available: input.available ?? true,
      photoUrl: validPhotoUrl(input.photoUrl),
      createdAt: at,
      updatedAt: at,
    };
    const menu = await this.write(() => this.menus.insertItem(item, MAX_MENU_ITEMS, this.announcing(at)));
    return { menu: found(menu, `no menu category ${input.categoryId}`), itemId: item.id };
  }

  async updateItem(vendorId: string, id: string, input: MenuItemUpdate): Promise<MenuRecord> {
    const changes: MenuItemChanges = {};
    if (input.categoryId !== undefined && input.categoryId !== null) changes.categoryId = input.categoryId;
    if (input.name !== undefined && input.name !== null) changes.name = validMenuName(input.name);
    if (input.description !== undefined) changes.description = validItemDescription(input.description);
    if (input.priceMinor !== undefined && input.priceMinor !== null)
      changes.priceMinor = validPriceMinor(input.priceMinor);
    if (input.currency !== undefined && input.currency !== null)
      changes.currency = validCurrency(input.currency);
    if (input.dietaryTags !== undefined && input.dietaryTags !== null)
      changes.dietaryTags = validDietaryTags(input.dietaryTags);
    if (input.available !== undefined && input.available !== null) changes.available = input.available;
    if (input.photoUrl !== undefined) changes.photoUrl = validPhotoUrl(input.photoUrl);
    if (Object.keys(changes).length === 0) throw badUserInput("give at least one field to change", "input");
    const at = this.now();
    const menu = await this.write(() =>
      this.menus.updateItem(vendorId, id, changes, at, this.announcing(at)),
    );
    return found(menu, `no menu item ${id}`);
  }

  /** Marks an item sold out (false) or back (true); it stays on the menu either way. */
  setItemAvailability(vendorId: string, id: string, available: boolean): Promise<MenuRecord> {
    return this.updateItem(vendorId, id, { available });
  }

  async deleteItem(vendorId: string, id: string): Promise<MenuRecord> {
    return found(await this.menus.deleteItem(vendorId, id, this.announcing()), `no menu item ${id}`);
  }

  /**
   * Replaces the vendor's whole menu in one write and one event (the demo seed's import); the same
   * rules apply as to one change at a time. Items are stamped one after another, in the order given.
   */
  async replaceMenu(vendorId: string, menu: MenuImport): Promise<MenuRecord> {
    if (menu.categories.length > MAX_MENU_CATEGORIES)
      throw badUserInput(`a menu holds at most ${MAX_MENU_CATEGORIES} categories`, "categories");
    if (menu.categories.reduce((n, c) => n + c.items.length, 0) > MAX_MENU_ITEMS)
      throw badUserInput(`a menu holds at most ${MAX_MENU_ITEMS} items`, "items");
    const record: MenuRecord = { vendorId, categories: [], items: [] };
    for (const [position, category] of menu.categories.entries()) {
      const at = this.now();
      const categoryId = randomUUID();
      record.categories.push({
        id: categoryId,
        vendorId,
        name: validMenuName(category.name),
        position,
        createdAt: at,
        updatedAt: at,
      });
      for (const item of category.items) {
        const stamped = this.now();
        record.items.push({
          id: randomUUID(),
          vendorId,
          categoryId,
          name: validMenuName(item.name),
          description: validItemDescription(item.description),
          priceMinor: validPriceMinor(item.priceMinor),
          currency: validCurrency(item.currency),
          dietaryTags: validDietaryTags(item.dietaryTags ?? []),
          available: item.available ?? true,
          photoUrl: validPhotoUrl(item.photoUrl),
          createdAt: stamped,
          updatedAt: stamped,
        });
      }
    }
    return this.menus.replace(record, this.announcing());
  }

  /** Turns the store's refusals into errors the client can act on. */
  private async write<T>(operation: () => Promise<T>): Promise<T> {
    try {
      return await operation();
    } catch (error) {
      if (error instanceof MenuLimitError) throw badUserInput(error.message);
      if (error instanceof UnknownMenuCategoryError)
        throw badUserInput(`no menu category ${error.categoryId} on this vendor's menu`, "categoryId");
      throw error;
    }
  }

  /**
   * Announces the menu a write left, with the write; a write that found nothing to change announces
   * nothing. Without `at`, the menu is stamped with the clock's time once the write is done.
   */
  private announcing(at?: Date): Announce<MenuRecord | null> {
    return (menu) =>
      menu ? [newEvent("marketplace.menu_updated", menuUpdatedPayload(menu, at ?? this.now()))] : [];
  }
}

/** A write that found nothing to change is a NOT_FOUND. */
function found(menu: MenuRecord | null, missing: string): MenuRecord {
  if (!menu) throw notFound(missing);
  return menu;
}
