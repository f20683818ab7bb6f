import type { SqliteMigration } from "@venta/store";

/** Baseline: menu categories and items as the store made them before migrations were recorded. */
export const menusBaseline: SqliteMigration = {
  version: 1,
  name: "menu categories and items",
  up: (db) => {
    db.exec(`
      CREATE TABLE IF NOT EXISTS menu_categories (
        id TEXT PRIMARY KEY,
        vendor_id TEXT NOT NULL,
        name TEXT NOT NULL,
        position INTEGER NOT NULL,
        created_at INTEGER NOT NULL,
        updated_at INTEGER NOT NULL
      );
      CREATE INDEX IF NOT EXISTS menu_categories_by_vendor ON menu_categories (vendor_id, position);
      CREATE TABLE IF NOT EXISTS menu_items (
        id TEXT PRIMARY KEY,
        vendor_id TEXT NOT NULL,
        category_id TEXT NOT NULL,
        name TEXT NOT NULL,
        description TEXT,
        price_minor INTEGER NOT NULL,
        currency TEXT NOT NULL,
        dietary_tags TEXT NOT NULL,
        available INTEGER NOT NULL,
        photo_url TEXT,
        created_at INTEGER NOT NULL,
        updated_at INTEGER NOT NULL
      );
      CREATE INDEX IF NOT EXISTS menu_items_by_vendor ON menu_items (vendor_id, created_at, id);
      CREATE INDEX IF NOT EXISTS menu_items_by_category ON menu_items (category_id);
    `);
  },
};
