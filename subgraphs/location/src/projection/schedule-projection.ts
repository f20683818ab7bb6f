import type { Consumption, EventBus, ScheduleUpdated } from "@venta/events";
import type { Logger } from "@venta/kit";
import type { OpenInterval, VendorOpenHours } from "../positions/position.record.js";
import type { PositionsStore } from "../positions/positions.store.js";

export const SCHEDULE_CONSUMER = "location.schedule-projection";

/** A time from an event, or null when it is not one. */
function timeOf(text: string): Date | null {
  const time = new Date(text);
  return Number.isNaN(time.getTime()) ? null : time;
}

/**
 * The open intervals an announcement publishes, sorted and merged, unreadable ones dropped; null
 * when it carries none (an older publisher's): nothing can be concluded from it, and marketplace's
 * refresher publishes every schedule again with intervals.
 */
export function openHoursOf(schedule: ScheduleUpdated): VendorOpenHours | null {
  const updatedAt = timeOf(schedule.updatedAt);
  const horizonEnd = schedule.horizonEnd === undefined ? null : timeOf(schedule.horizonEnd);
  if (!updatedAt || !horizonEnd || !schedule.openIntervals) return null;
  const intervals: OpenInterval[] = [];
  for (const { start, end } of schedule.openIntervals) {
    const [from, to] = [timeOf(start), timeOf(end)];
    if (from && to && to > from) intervals.push({ start: from, end: to });
  }
  intervals.sort((a, b) => a.start.getTime() - b.start.getTime());
  const merged: OpenInterval[] = [];
  for (const interval of intervals) {
    const last = merged.at(-1);
    if (last && interval.start <= last.end) {
      if (interval.end > last.end) last.end = interval.end;
    } else merged.push({ ...interval });
  }
  return { vendorId: schedule.vendorId, intervals: merged, horizonEnd, updatedAt };
}

/**
 * Keeps location's copy of each vendor's opening hours, as the instants marketplace computes in the
 * vendor's time zone (the zone rules live there alone), so `nearbyVendors(filter: { openNow })`
 * filters on them inside the spatial query. Updates are ordered by the schedule's `updatedAt`, then
 * the horizon: redelivered and late ones change nothing. A consumer of its own, so a first start
 * reads every retained announcement.
 */
export function followSchedules(bus: EventBus, positions: PositionsStore, log: Logger): Consumption {
  return bus.consume(SCHEDULE_CONSUMER, ["marketplace.schedule_updated"], async (event) => {
    const schedule = event.payload as ScheduleUpdated;
    const hours = openHoursOf(schedule);
    const applied = hours ? await positions.applyOpenHours(hours) : false;
    log.debug(
      { vendorId: schedule.vendorId, horizonEnd: schedule.horizonEnd, applied },
      "schedule projection",
    );
  });
}
