import type { Announce } from "@venta/events";
import type { ScheduleRecord } from "./schedule.record.js";

/** Where vendors' opening hours live. Each adapter must pass `schedules.store.contract.ts`. */
export interface SchedulesStore {
  /**
   * Stores the vendor's schedule, replacing any previous one whole, in one atomic write. A replaced
   * schedule has been published to no one yet: its published horizon is forgotten. What `announce`
   * makes goes to the outbox in the same write.
   */
  put(schedule: ScheduleRecord, announce?: Announce<void>): Promise<void>;
  findByVendorId(vendorId: string): Promise<ScheduleRecord | null>;
  /** One round trip, whatever the number of ids; vendors without a schedule are simply absent. */
  findByVendorIds(vendorIds: readonly string[]): Promise<ScheduleRecord[]>;
  /**
   * Notes that the vendor's open intervals were published up to `horizonEnd` for the schedule as of
   * `updatedAt`. Ignored when the schedule was replaced since (its own publication counts), and
   * never moves the horizon back. Returns whether the schedule was still the one as of `updatedAt`;
   * what `announce` makes of that goes to the outbox in the same write.
   */
  recordHorizon(
    vendorId: string,
    updatedAt: Date,
    horizonEnd: Date,
    announce?: Announce<boolean>,
  ): Promise<boolean>;
  /**
   * Schedules whose published horizon ends before `endingBefore`, or that were never published, by
   * vendor id after `afterVendorId`: at most `limit`. The refresher pages through them.
   */
  dueForRefresh(endingBefore: Date, afterVendorId: string | null, limit: number): Promise<ScheduleRecord[]>;
}
