import { badUserInput } from "@venta/kit";
import { durationOf, hoursOn, minutesOf, weekPlanOf } from "./opening-hours.js";
import {
  type DayHours,
  type OpeningInterval,
  type ScheduleRecord,
  WEEKDAYS,
  type Weekday,
} from "./schedule.record.js";
import { canonicalTimeZone, epochDayOf, isoDateOf } from "./zoned-time.js";

export const MAX_INTERVALS_PER_DAY = 6;
export const MAX_EXCEPTIONS = 100;

/** What a caller sends to set a schedule; validated into a `ScheduleRecord`. */
export interface ScheduleInput {
  timeZone: string;
  /** Weekdays left out are closed. */
  weeklyHours: readonly { weekday: Weekday; intervals: readonly OpeningInterval[] }[];
  exceptions?:
    | readonly {
        date: string;
        closed?: boolean | null | undefined;
        intervals?: readonly OpeningInterval[] | null | undefined;
      }[]
    | null
    | undefined;
}

const OPENS = /^(?:[01]\d|2[0-3]):[0-5]\d$/;
/** A closing time may also be "24:00": the end of the day it opened. */
const CLOSES = /^(?:(?:[01]\d|2[0-3]):[0-5]\d|24:00)$/;
const WEEK_MINUTES = 7 * 1440;

const show = (interval: OpeningInterval) => `${interval.opens}–${interval.closes}`;

function validInterval(interval: OpeningInterval, field: string, where: string): OpeningInterval {
  const { opens, closes } = interval;
  if (!OPENS.test(opens)) throw badUserInput(`${where}: opens "${opens}" is not an "HH:MM" time`, field);
  if (!CLOSES.test(closes)) throw badUserInput(`${where}: closes "${closes}" is not an "HH:MM" time`, field);
  // Equal times could mean "closed" or "open 24 hours": neither is written this way.
  if (minutesOf(opens) === minutesOf(closes))
    throw badUserInput(
      `${where}: ${show(interval)} closes when it opens; for a whole day use 00:00–24:00`,
      field,
    );
  return { opens, closes };
}

function validIntervals(
  intervals: readonly OpeningInterval[],
  field: string,
  where: string,
): OpeningInterval[] {
  if (intervals.length > MAX_INTERVALS_PER_DAY)
    throw badUserInput(`${where}: at most ${MAX_INTERVALS_PER_DAY} intervals a day`, field);
  return intervals
    .map((interval) => validInterval(interval, field, where))
    .sort((a, b) => minutesOf(a.opens) - minutesOf(b.opens));
}

/** A labelled time range, in minutes on a common axis, for overlap checks. */
interface Range {
  label: string;
  start: number;
  end: number;
}

function assertNoOverlap(ranges: readonly Range[], field: string, period = 0): void {
  for (let i = 0; i < ranges.length; i += 1) {
    for (let j = i + 1; j < ranges.length; j += 1) {
      const a = ranges[i] as Range;
      const b = ranges[j] as Range;
      // On the weekly circle, Sunday night also runs into Monday morning: compare shifted copies.
      const shifts = period > 0 ? [-period, 0, period] : [0];
      if (shifts.some((shift) => a.start < b.end + shift && b.start + shift < a.end))
        throw badUserInput(`${a.label} overlaps ${b.label}`, field);
    }
  }
}

function validWeekly(weeklyHours: ScheduleInput["weeklyHours"]): DayHours[] {
  const byDay = new Map<Weekday, OpeningInterval[]>();
  for (const day of weeklyHours) {
    if (!WEEKDAYS.includes(day.weekday))
      throw badUserInput(`"${day.weekday}" is not a weekday`, "weeklyHours");
    if (byDay.has(day.weekday))
      throw badUserInput(`${day.weekday} is given twice; list all its intervals once`, "weeklyHours");
    byDay.set(day.weekday, validIntervals(day.intervals, "weeklyHours", day.weekday));
  }
  const weekly = WEEKDAYS.map((weekday) => ({ weekday, intervals: byDay.get(weekday) ?? [] }));
  assertNoOverlap(
    weekly.flatMap(({ weekday, intervals }, index) =>
      intervals.map((interval) => {
        const start = index * 1440 + minutesOf(interval.opens);
        return { label: `${weekday} ${show(interval)}`, start, end: start + durationOf(interval) };
      }),
    ),
    "weeklyHours",
    WEEK_MINUTES,
  );
  return weekly;
}

function validExceptions(
  exceptions: NonNullable<ScheduleInput["exceptions"]>,
  weekly: DayHours[],
): ScheduleRecord["exceptions"] {
  if (exceptions.length > MAX_EXCEPTIONS)
    throw badUserInput(`at most ${MAX_EXCEPTIONS} exceptions`, "exceptions");
  const seen = new Set<number>();
  const valid = exceptions.map((exception) => {
    const day = epochDayOf(exception.date);
    if (day === null || exception.date < "2000-01-01" || exception.date > "2100-12-31")
      throw badUserInput(`"${exception.date}" is not a date from 2000 to 2100 (YYYY-MM-DD)`, "exceptions");
    if (seen.has(day)) throw badUserInput(`${exception.date} has two exceptions`, "exceptions");
    seen.add(day);
    const intervals = exception.intervals ?? [];
    if (exception.closed && intervals.length > 0)
      throw badUserInput(`${exception.date} is closed all day, so it takes no intervals`, "exceptions");
    if (!exception.closed && intervals.length === 0)
      throw badUserInput(`${exception.date}: give its special hours, or mark it closed`, "exceptions");
    return { day, date: exception.date, intervals: validIntervals(intervals, "exceptions", exception.date) };
  });
  valid.sort((a, b) => a.day - b.day);
  // An exception must fit with the hours either side of it, whichever kind those are.
  const plan = weekPlanOf({ weekly, exceptions: valid });
  for (const { day } of valid) {
    assertNoOverlap(
      [-1, 0, 1].flatMap((offset) =>
        hoursOn(plan, day + offset).map((interval) => {
          const start = offset * 1440 + minutesOf(interval.opens);
          return {
            label: `${isoDateOf(day + offset)} ${show(interval)}`,
            start,
            end: start + durationOf(interval),
          };
        }),
      ),
      "exceptions",
    );
  }
  return valid.map(({ date, intervals }) => ({ date, intervals }));
}

/**
 * Checks a whole schedule and returns it in stored form: a known IANA zone (canonical name), all
 * seven weekdays (Monday first, intervals by opening time), exceptions by date. Nothing overlaps,
 * counting intervals that run past midnight into the next day.
 */
export function validSchedule(
  input: ScheduleInput,
): Pick<ScheduleRecord, "timeZone" | "weekly" | "exceptions"> {
  const timeZone = canonicalTimeZone(input.timeZone.trim());
  if (!timeZone)
    throw badUserInput(
      `"${input.timeZone}" is not a known IANA time zone (such as America/Chicago)`,
      "timeZone",
    );
  const weekly = validWeekly(input.weeklyHours);
  const exceptions = validExceptions(input.exceptions ?? [], weekly);
  return { timeZone, weekly, exceptions };
}
