/** The dietary tags a menu item may carry: a fixed list, so apps can show icons and filter on them. */
export const DIETARY_TAGS = [
  "VEGETARIAN",
  "VEGAN",
  "GLUTEN_FREE",
  "DAIRY_FREE",
  "NUT_FREE",
  "HALAL",
  "KOSHER",
  "SPICY",
] as const;
export type DietaryTag = (typeof DIETARY_TAGS)[number];

/** A vendor's menu holds at most this many items in all, and this many categories. */
export const MAX_MENU_ITEMS = 200;
export const MAX_MENU_CATEGORIES = 50;

/** A section of a vendor's menu ("Tacos", "Drinks"). */
export interface MenuCategoryRecord {
  id: string;
  vendorId: string;
  name: string;
  /** 0 for the first category; a vendor's positions are always 0, 1, 2… without gaps. */
  position: number;
  createdAt: Date;
  updatedAt: Date;
}

/** A dish or drink on a vendor's menu. */
export interface MenuItemRecord {
  id: string;
  vendorId: string;
  /** The category it is listed under; always one of the same vendor's. */
  categoryId: string;
  name: string;
  description: string | null;
  /** In the currency's minor unit (cents for USD), never negative. */
  priceMinor: number;
  /** ISO 4217 code, upper-case. */
  currency: string;
  /** Without duplicates, in the order given. */
  dietaryTags: DietaryTag[];
  /** False while sold out or off: still listed, not orderable. */
  available: boolean;
  /** An https URL, or null. */
  photoUrl: string | null;
  createdAt: Date;
  updatedAt: Date;
}

/** A vendor's whole menu. */
export interface MenuRecord {
  vendorId: string;
  /** By position. */
  categories: MenuCategoryRecord[];
  /** In the order they were added (createdAt, then id); each lists under its category. */
  items: MenuItemRecord[];
}

export const emptyMenu = (vendorId: string): MenuRecord => ({ vendorId, categories: [], items: [] });

/** The fields of an item a change may set. */
export type MenuItemChanges = Partial<
  Pick<
    MenuItemRecord,
    | "categoryId"
    | "name"
    | "description"
    | "priceMinor"
    | "currency"
    | "dietaryTags"
    | "available"
    | "photoUrl"
  >
>;
