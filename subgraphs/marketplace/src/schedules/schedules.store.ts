import type { ScheduleRecord } from "./schedule.record.js";

/** Where vendors' opening hours live. Each adapter must pass `schedules.store.contract.ts`. */
export interface SchedulesStore {
  /** Stores the vendor's schedule, replacing any previous one whole, in one atomic write. */
  put(schedule: ScheduleRecord): Promise<void>;
  findByVendorId(vendorId: string): Promise<ScheduleRecord | null>;
  /** One round trip, whatever the number of ids; vendors without a schedule are simply absent. */
  findByVendorIds(vendorIds: readonly string[]): Promise<ScheduleRecord[]>;
}
