import DataLoader from "dataloader";
import type { VendorMediaRecord } from "./vendor-media.record.js";
import type { VendorMediaStore } from "./vendor-media.store.js";

/** Per request: the files of every vendor in a response, in one store query; [] for a vendor without. */
export function vendorMediaLoader(store: VendorMediaStore): DataLoader<string, VendorMediaRecord[]> {
  return new DataLoader<string, VendorMediaRecord[]>(
    async (vendorIds) => {
      const byVendor = new Map<string, VendorMediaRecord[]>();
      for (const media of await store.listByVendors(vendorIds)) {
        const files = byVendor.get(media.vendorId) ?? [];
        files.push(media);
        byVendor.set(media.vendorId, files);
      }
      return vendorIds.map((id) => byVendor.get(id) ?? []);
    },
    { maxBatchSize: 500 },
  );
}
