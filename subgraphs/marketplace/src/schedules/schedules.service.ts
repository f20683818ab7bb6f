import { type DomainEvent, newEvent } from "@venta/events";
import { openSpansBetween } from "./opening-hours.js";
import type { ScheduleRecord } from "./schedule.record.js";
import { type ScheduleInput, validSchedule } from "./schedule.validation.js";
import type { SchedulesStore } from "./schedules.store.js";
import { DAY_MS } from "./zoned-time.js";

/** How far ahead a vendor's open intervals are published: others know its hours this long. */
export const HORIZON_MS = 14 * DAY_MS;
/** A published horizon ending sooner than this is published afresh: a week's slack for outages. */
export const REFRESH_WITHIN_MS = 7 * DAY_MS;
/** Schedules read per store query while refreshing. */
const REFRESH_BATCH = 100;

/** Opening hours: validation, whole-schedule replacement, and the event that announces it. */
export class SchedulesService {
  constructor(
    private readonly schedules: SchedulesStore,
    /** The clock opening hours are judged by; tests fix it. */
    readonly now: () => Date = () => new Date(),
  ) {}

  /** Replaces the vendor's schedule with `input`; nothing is written unless all of it is valid. */
  async set(vendorId: string, input: ScheduleInput): Promise<ScheduleRecord> {
    const schedule: ScheduleRecord = { vendorId, ...validSchedule(input), updatedAt: this.now() };
    const horizonEnd = horizonFrom(schedule.updatedAt);
    await this.schedules.put(schedule, () => [announcement(schedule, schedule.updatedAt, horizonEnd)]);
    // Should this not happen (a crash), the refresher only announces the schedule again.
    await this.schedules.recordHorizon(vendorId, schedule.updatedAt, horizonEnd);
    return schedule;
  }

  /**
   * Announces again, with a horizon starting now, every schedule whose published horizon ends within
   * `REFRESH_WITHIN_MS` (or that was never published with one, as before horizons existed), so
   * other subgraphs never run out of known hours. Returns how many were announced.
   */
  async refreshHorizons(): Promise<number> {
    const now = this.now();
    const endingBefore = new Date(now.getTime() + REFRESH_WITHIN_MS);
    let after: string | null = null;
    let count = 0;
    for (;;) {
      const due = await this.schedules.dueForRefresh(endingBefore, after, REFRESH_BATCH);
      const horizonEnd = horizonFrom(now);
      // A schedule replaced since was announced by its replacement: recording fails, announcing nothing.
      for (const schedule of due)
        await this.schedules.recordHorizon(schedule.vendorId, schedule.updatedAt, horizonEnd, (current) =>
          current ? [announcement(schedule, now, horizonEnd)] : [],
        );
      count += due.length;
      const last = due.at(-1);
      if (!last || due.length < REFRESH_BATCH) return count;
      after = last.vendorId;
    }
  }
}

const horizonFrom = (from: Date) => new Date(from.getTime() + HORIZON_MS);

/**
 * The schedule with its open intervals from `from` until `horizonEnd`, computed here, where the
 * zone's rules are. `updatedAt` stays the schedule's own: consumers order a vendor's announcements
 * by it, then by `horizonEnd`.
 */
function announcement(schedule: ScheduleRecord, from: Date, horizonEnd: Date): DomainEvent {
  const openIntervals = openSpansBetween(schedule, from, horizonEnd).map(({ start, end }) => ({
    start: start.toISOString(),
    end: end.toISOString(),
  }));
  return newEvent("marketplace.schedule_updated", {
    vendorId: schedule.vendorId,
    timeZone: schedule.timeZone,
    updatedAt: schedule.updatedAt.toISOString(),
    openIntervals,
    horizonEnd: horizonEnd.toISOString(),
  });
}
