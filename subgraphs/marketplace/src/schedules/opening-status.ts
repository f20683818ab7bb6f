import type { VendorStatus } from "../vendors/vendor.record.js";
import { isOpenAt, nextOpeningAfter } from "./opening-hours.js";
import type { ScheduleRecord } from "./schedule.record.js";

export interface OpeningStatus {
  /** The vendor says it is open (`status`) and, when it has a schedule, the schedule agrees. */
  openNow: boolean;
  /** When the schedule next opens; null when open now, without a schedule, or never again. */
  nextOpening: Date | null;
}

/**
 * Whether a vendor is open at `at`. The live status is the vendor's word on the day (a truck that
 * broke down is closed whatever its hours say); the schedule narrows it to the published hours.
 */
export function openingStatus(
  status: VendorStatus,
  schedule: ScheduleRecord | null,
  at: Date,
): OpeningStatus {
  if (!schedule) return { openNow: status === "OPEN", nextOpening: null };
  const openNow = status === "OPEN" && isOpenAt(schedule, at);
  return { openNow, nextOpening: openNow ? null : nextOpeningAfter(schedule, at) };
}
