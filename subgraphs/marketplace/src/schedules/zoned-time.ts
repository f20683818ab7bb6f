/**
 * Wall-clock time in IANA time zones with nothing but `Intl.DateTimeFormat` (no dependency): the
 * local time an instant shows, and the instant a local time names, DST changes included.
 *
 * Local times are handled as "local milliseconds": the wall clock's reading encoded as if it were a
 * UTC epoch time, so calendar arithmetic (next day, 20:00 on a date) is plain addition.
 */

export const MINUTE_MS = 60_000;
export const DAY_MS = 86_400_000;

/** A calendar date as whole days since 1970-01-01 (negative before): easy to step and compare. */
export type EpochDay = number;

/**
 * Remembers the results of a pure but slow look-up for the next caller. Bounded: past `limit`
 * entries the oldest is forgotten, so callers' input cannot grow it without end.
 */
function memo<T>(limit: number): (key: string, compute: () => T) => T {
  const cache = new Map<string, T>();
  return (key, compute) => {
    if (cache.has(key)) return cache.get(key) as T;
    const value = compute();
    if (cache.size >= limit) cache.delete(cache.keys().next().value as string);
    cache.set(key, value);
    return value;
  };
}

const offsetFormatters = new Map<string, Intl.DateTimeFormat>();

/** Prints an instant's UTC offset in `timeZone`, such as "GMT-05:00" (or "GMT-05:50:36" long ago). */
function offsetFormatter(timeZone: string): Intl.DateTimeFormat {
  let format = offsetFormatters.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat("en-US", { timeZone, timeZoneName: "longOffset" });
    offsetFormatters.set(timeZone, format);
  }
  return format;
}

const OFFSET = /GMT(?:([+\-\u2212])(\d{1,2}):?(\d{2})?(?::?(\d{2}))?)?$/;

const canonicalNames = memo<string | null>(2000);

/**
 * The canonical IANA name of a time zone (`america/chicago` → `America/Chicago`, `US/Central` →
 * `America/Chicago`), or null when Intl does not know it. Offsets such as `+05:00` are refused: a
 * schedule needs a zone's rules, not one offset.
 */
export function canonicalTimeZone(name: string): string | null {
  if (!/^[A-Za-z][A-Za-z0-9_+\-/]*$/.test(name)) return null;
  return canonicalNames(name, () => {
    try {
      return new Intl.DateTimeFormat("en-US", { timeZone: name }).resolvedOptions().timeZone;
    } catch {
      return null;
    }
  });
}

/** How far `timeZone`'s clocks are ahead of UTC at `instantMs` (negative west of Greenwich). */
export function offsetMsAt(instantMs: number, timeZone: string): number {
  const text = offsetFormatter(timeZone).format(instantMs);
  const match = OFFSET.exec(text);
  if (!match) throw new Error(`cannot read the UTC offset in "${text}" (${timeZone})`);
  const [, sign, hours = "0", minutes = "0", seconds = "0"] = match;
  const size = (Number(hours) * 3600 + Number(minutes) * 60 + Number(seconds)) * 1000;
  return sign === "+" || sign === undefined ? size : -size;
}

/** What a wall clock in `timeZone` shows at `instantMs`, as local milliseconds. */
export function localMsOf(instantMs: number, timeZone: string): number {
  return instantMs + offsetMsAt(instantMs, timeZone);
}

const instants = memo<number>(20_000);

/**
 * The instant a local time names in `timeZone`. A local time the clocks skip (a DST gap, such as
 * 02:30 on a spring-forward night) becomes the first instant after it, the moment the clocks jump;
 * one they show twice (a fall-back overlap) becomes the earlier of the two.
 */
export function instantOfLocal(localMs: number, timeZone: string): number {
  // Many vendors share a zone and opening times: one look-up serves them all.
  return instants(`${timeZone} ${localMs}`, () => searchInstantOfLocal(localMs, timeZone));
}

function searchInstantOfLocal(localMs: number, timeZone: string): number {
  // The true offset is one of the offsets in force around that time: at most one change a day.
  const candidates = [
    ...new Set([localMs - DAY_MS, localMs, localMs + DAY_MS].map((at) => localMs - offsetMsAt(at, timeZone))),
  ].sort((a, b) => a - b);
  const valid = candidates.find((instant) => localMsOf(instant, timeZone) === localMs);
  if (valid !== undefined) return valid;
  // In a gap: the earliest candidate shows a time before the requested one, the latest a time after.
  // Search, to the second, for the first instant whose wall time is past the requested one.
  let before = candidates[0] as number;
  let after = candidates.at(-1) as number;
  while (after - before > 1000) {
    const middle = before + Math.floor((after - before) / 2000) * 1000;
    if (localMsOf(middle, timeZone) > localMs) after = middle;
    else before = middle;
  }
  return after;
}

/** The local date `instant` falls on in `timeZone`, and how far into that day it is. */
export function localDayOf(instant: Date, timeZone: string): { day: EpochDay; msOfDay: number } {
  const local = localMsOf(instant.getTime(), timeZone);
  const day = Math.floor(local / DAY_MS);
  return { day, msOfDay: local - day * DAY_MS };
}

/** The instant of `minuteOfDay` minutes after local midnight on `day` (1440 is the next midnight). */
export function instantOn(day: EpochDay, minuteOfDay: number, timeZone: string): Date {
  return new Date(instantOfLocal(day * DAY_MS + minuteOfDay * MINUTE_MS, timeZone));
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** `2026-03-08` as an epoch day, or null when it is not a real calendar date. */
export function epochDayOf(isoDate: string): EpochDay | null {
  const match = ISO_DATE.exec(isoDate);
  if (!match) return null;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const ms = Date.UTC(year, month - 1, day);
  // Date.UTC rolls 2026-02-30 over to March: a real date reads back the same.
  const date = new Date(ms);
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day)
    return null;
  return ms / DAY_MS;
}

/** An epoch day as `YYYY-MM-DD`. */
export function isoDateOf(day: EpochDay): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

/** The ISO weekday of an epoch day: 1 is Monday, 7 is Sunday (1970-01-01 was a Thursday). */
export function isoWeekdayOf(day: EpochDay): number {
  return ((((day + 3) % 7) + 7) % 7) + 1;
}
