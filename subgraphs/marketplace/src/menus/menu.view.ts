import type { MenuCategoryRecord, MenuItemRecord, MenuRecord } from "./menu.record.js";

/** A category with its items, as the API shows it. */
export interface MenuSection extends MenuCategoryRecord {
  items: MenuItemRecord[];
}

/** The menu as shown: categories by position, each with its items in the order they were added. */
export function menuSections(menu: MenuRecord): MenuSection[] {
  const byCategory = new Map<string, MenuItemRecord[]>(menu.categories.map((c) => [c.id, []]));
  for (const item of menu.items) byCategory.get(item.categoryId)?.push(item);
  return menu.categories.map((category) => ({ ...category, items: byCategory.get(category.id) ?? [] }));
}

export function sectionOf(menu: MenuRecord, categoryId: string): MenuSection | null {
  return menuSections(menu).find((section) => section.id === categoryId) ?? null;
}

export function itemOf(menu: MenuRecord, itemId: string): MenuItemRecord | null {
  return menu.items.find((item) => item.id === itemId) ?? null;
}
