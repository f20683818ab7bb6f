/** The days of a week, Monday first (ISO 8601 order: index + 1 is the ISO weekday). */
export const WEEKDAYS = [
  "MONDAY",
  "TUESDAY",
  "WEDNESDAY",
  "THURSDAY",
  "FRIDAY",
  "SATURDAY",
  "SUNDAY",
] as const;
export type Weekday = (typeof WEEKDAYS)[number];

/**
 * Open from `opens` to `closes`, both "HH:MM" local times on the day the interval belongs to.
 * `closes` after `opens` ends the same day ("24:00" is that day's end); `closes` before `opens`
 * crosses midnight and ends the next day (20:00–02:00). `closes` equal to `opens` is never stored.
 */
export interface OpeningInterval {
  opens: string;
  closes: string;
}

/** The intervals that open on one weekday, by opening time; empty when closed that day. */
export interface DayHours {
  weekday: Weekday;
  intervals: OpeningInterval[];
}

/**
 * One local date whose hours replace the weekly ones: the intervals that open on that date (an
 * interval of the day before that crosses midnight still runs into it). Empty: closed all day.
 */
export interface ScheduleException {
  /** `YYYY-MM-DD`, in the vendor's time zone. */
  date: string;
  intervals: OpeningInterval[];
}

/** A vendor's opening hours, as the marketplace stores them: replaced whole, never patched. */
export interface ScheduleRecord {
  vendorId: string;
  /** Canonical IANA name, such as `America/Chicago`. */
  timeZone: string;
  /** Seven entries, Monday to Sunday. */
  weekly: DayHours[];
  /** By date, at most one per date. */
  exceptions: ScheduleException[];
  updatedAt: Date;
}
