import { keyedLoader } from "@venta/kit";
import type DataLoader from "dataloader";
import type { ScheduleRecord } from "./schedule.record.js";
import type { SchedulesStore } from "./schedules.store.js";

/** Per request: the schedules of every vendor in a response in one store query; null for none. */
export function scheduleLoader(store: SchedulesStore): DataLoader<string, ScheduleRecord | null> {
  return keyedLoader(
    (vendorIds: readonly string[]) => store.findByVendorIds(vendorIds),
    (schedule) => schedule.vendorId,
  );
}
