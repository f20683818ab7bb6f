import type { ScheduleUpdated } from "./catalogue.js";

/** An instant an event carries, or null when it is not one (such an event is skipped, not retried forever). */
export function eventTime(text: string): Date | null {
  const time = new Date(text);
  return Number.isNaN(time.getTime()) ? null : time;
}

export interface PublishedOpenInterval {
  start: Date;
  end: Date;
}

/** A vendor's opening hours as marketplace publishes them: instants, up to `horizonEnd`. */
export interface PublishedOpenHours {
  vendorId: string;
  /** Sorted and non-overlapping. */
  intervals: PublishedOpenInterval[];
  horizonEnd: Date;
  updatedAt: Date;
}

/**
 * The open intervals a `marketplace.schedule_updated` announcement publishes, sorted and merged,
 * unreadable ones dropped; null when it carries none (an older publisher's): nothing can be
 * concluded from it, and marketplace's refresher publishes every schedule again with intervals.
 * Every projection of opening hours reads announcements through this one function.
 */
export function openHoursOf(schedule: ScheduleUpdated): PublishedOpenHours | null {
  const updatedAt = eventTime(schedule.updatedAt);
  const horizonEnd = schedule.horizonEnd === undefined ? null : eventTime(schedule.horizonEnd);
  if (!updatedAt || !horizonEnd || !schedule.openIntervals) return null;
  const intervals: PublishedOpenInterval[] = [];
  for (const { start, end } of schedule.openIntervals) {
    const [from, to] = [eventTime(start), eventTime(end)];
    if (from && to && to > from) intervals.push({ start: from, end: to });
  }
  intervals.sort((a, b) => a.start.getTime() - b.start.getTime());
  const merged: PublishedOpenInterval[] = [];
  for (const interval of intervals) {
    const last = merged.at(-1);
    if (last && interval.start <= last.end) {
      if (interval.end > last.end) last.end = interval.end;
    } else merged.push({ ...interval });
  }
  return { vendorId: schedule.vendorId, intervals: merged, horizonEnd, updatedAt };
}
