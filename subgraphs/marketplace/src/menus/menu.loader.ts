import DataLoader from "dataloader";
import { emptyMenu, type MenuRecord } from "./menu.record.js";
import type { MenusStore } from "./menus.store.js";

/**
 * Per request: every `Vendor.menu` in a response becomes one store query. A vendor without a menu
 * gets an empty one.
 */
export function menuLoader(store: MenusStore): DataLoader<string, MenuRecord> {
  return new DataLoader<string, MenuRecord>(
    async (vendorIds) => {
      const found = new Map((await store.findByVendorIds(vendorIds)).map((menu) => [menu.vendorId, menu]));
      return vendorIds.map((id) => found.get(id) ?? emptyMenu(id));
    },
    { maxBatchSize: 500 },
  );
}
