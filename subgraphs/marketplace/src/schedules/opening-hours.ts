import type { OpeningInterval, ScheduleRecord } from "./schedule.record.js";
import { type EpochDay, epochDayOf, instantOn, isoWeekdayOf, localDayOf } from "./zoned-time.js";

const DAY_MINUTES = 1440;

/** "HH:MM" as minutes after midnight; "24:00" is 1440, the end of the day. */
export function minutesOf(time: string): number {
  const [hours, minutes] = time.split(":").map(Number);
  return (hours ?? 0) * 60 + (minutes ?? 0);
}

/** How long an interval lasts in local minutes; one that closes before it opens runs past midnight. */
export function durationOf(interval: OpeningInterval): number {
  const opens = minutesOf(interval.opens);
  const closes = minutesOf(interval.closes);
  return closes > opens ? closes - opens : closes + DAY_MINUTES - opens;
}

/** Whether an interval ends on the day after the one it opens on. */
export const crossesMidnight = (interval: OpeningInterval): boolean =>
  minutesOf(interval.closes) < minutesOf(interval.opens);

/** A schedule indexed for lookups by local date. */
export interface WeekPlan {
  /** Index 0 is Monday. */
  weekly: readonly (readonly OpeningInterval[])[];
  exceptions: ReadonlyMap<EpochDay, readonly OpeningInterval[]>;
}

export function weekPlanOf(schedule: Pick<ScheduleRecord, "weekly" | "exceptions">): WeekPlan {
  const exceptions = new Map<EpochDay, readonly OpeningInterval[]>();
  for (const exception of schedule.exceptions) {
    const day = epochDayOf(exception.date);
    if (day !== null) exceptions.set(day, exception.intervals);
  }
  return { weekly: schedule.weekly.map((d) => d.intervals), exceptions };
}

/** The intervals that open on a local date: its exception's when it has one, else its weekday's. */
export function hoursOn(plan: WeekPlan, day: EpochDay): readonly OpeningInterval[] {
  return plan.exceptions.get(day) ?? plan.weekly[isoWeekdayOf(day) - 1] ?? [];
}

/** An interval on a given date, as instants (epoch ms): open from `start` until just before `end`. */
interface Span {
  start: number;
  end: number;
}

/**
 * The real instants of the intervals opening on `day`, in opening order. Local times are mapped
 * with the zone's rules of that date; an interval that falls wholly in a DST gap never opens.
 */
function spansOn(plan: WeekPlan, day: EpochDay, timeZone: string): Span[] {
  const spans: Span[] = [];
  const intervals = [...hoursOn(plan, day)].sort((a, b) => minutesOf(a.opens) - minutesOf(b.opens));
  for (const interval of intervals) {
    const opens = minutesOf(interval.opens);
    const start = instantOn(day, opens, timeZone).getTime();
    const end = instantOn(day, opens + durationOf(interval), timeZone).getTime();
    if (end > start) spans.push({ start, end });
  }
  return spans;
}

/** Whether the schedule has the vendor open at `at`. */
export function isOpenAt(schedule: ScheduleRecord, at: Date): boolean {
  const plan = weekPlanOf(schedule);
  const t = at.getTime();
  const { day } = localDayOf(at, schedule.timeZone);
  // Only intervals opening that day or the day before (crossing midnight) can cover the instant.
  return [day - 1, day].some((d) =>
    spansOn(plan, d, schedule.timeZone).some((span) => span.start <= t && t < span.end),
  );
}

/** A time the schedule has the vendor open, as real instants: from `start` until just before `end`. */
export interface OpenSpan {
  start: Date;
  end: Date;
}

/**
 * When the schedule has the vendor open between `from` and `to`: sorted, with intervals that touch
 * or overlap merged (so no two share an instant), and cut to the window. What other subgraphs get
 * instead of the zone's rules: `isOpenAt(t)` holds exactly when one of these holds `t`.
 */
export function openSpansBetween(schedule: ScheduleRecord, from: Date, to: Date): OpenSpan[] {
  const plan = weekPlanOf(schedule);
  const [start, end] = [from.getTime(), to.getTime()];
  if (!(end > start)) return [];
  const spans: Span[] = [];
  // Intervals opening the local day before `from` may run into it (crossing midnight).
  const first = localDayOf(from, schedule.timeZone).day - 1;
  const last = localDayOf(to, schedule.timeZone).day;
  for (let d = first; d <= last; d += 1) {
    for (const span of spansOn(plan, d, schedule.timeZone)) {
      if (span.end > start && span.start < end)
        spans.push({ start: Math.max(span.start, start), end: Math.min(span.end, end) });
    }
  }
  spans.sort((a, b) => a.start - b.start);
  const merged: Span[] = [];
  for (const span of spans) {
    const previous = merged.at(-1);
    if (previous && span.start <= previous.end) previous.end = Math.max(previous.end, span.end);
    else merged.push({ ...span });
  }
  return merged.map((span) => ({ start: new Date(span.start), end: new Date(span.end) }));
}

/**
 * The first instant after `at` at which the schedule goes from closed to open (an interval that
 * continues another without a break is not an opening), or null when it never opens again.
 */
export function nextOpeningAfter(schedule: ScheduleRecord, at: Date): Date | null {
  const plan = weekPlanOf(schedule);
  const t = at.getTime();
  const { day } = localDayOf(at, schedule.timeZone);
  let openUntil = Number.NEGATIVE_INFINITY;
  for (const d of daysToSearch(plan, day - 1)) {
    for (const span of spansOn(plan, d, schedule.timeZone)) {
      if (span.start > t && span.start > openUntil) return new Date(span.start);
      openUntil = Math.max(openUntil, span.end);
    }
  }
  return null;
}

/** The local dates on which an opening may be found, in order, from `from`: a finite search. */
function* daysToSearch(plan: WeekPlan, from: EpochDay): Generator<EpochDay> {
  if (plan.weekly.some((intervals) => intervals.length > 0)) {
    // A weekday with hours comes round within 7 days, and each exception can close one such day:
    // past this many days every exception has been spent and an opening must have been found.
    const last = from + 7 * (plan.exceptions.size + 2);
    for (let d = from; d <= last; d += 1) yield d;
    return;
  }
  // No weekly hours: only exceptions with hours can open, so only their dates are visited.
  const days = [...plan.exceptions.entries()]
    .filter(([d, intervals]) => d >= from && intervals.length > 0)
    .map(([d]) => d)
    .sort((a, b) => a - b);
  yield* days;
}
