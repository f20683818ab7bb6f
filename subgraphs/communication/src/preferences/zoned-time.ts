/** A wall-clock reading in some time zone: what a clock on the wall there shows. */
export interface WallClock {
  year: number;
  /** 1 to 12. */
  month: number;
  day: number;
  hour: number;
  minute: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat("en-US", {
      timeZone,
      hourCycle: "h23",
      year: "numeric",
      month: "numeric",
      day: "numeric",
      hour: "numeric",
      minute: "numeric",
      second: "numeric",
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

/** What the clocks in `timeZone` show at `instant` (seconds dropped). */
export function wallClockAt(instant: Date, timeZone: string): WallClock {
  const parts: Record<string, number> = {};
  for (const part of formatterFor(timeZone).formatToParts(instant)) {
    if (part.type !== "literal") parts[part.type] = Number(part.value);
  }
  return {
    year: parts.year ?? 1970,
    month: parts.month ?? 1,
    day: parts.day ?? 1,
    hour: parts.hour ?? 0,
    minute: parts.minute ?? 0,
  };
}

/** The wall clock's reading as if it were UTC, in milliseconds: the arithmetic base for offsets. */
const asUtc = (wall: WallClock) => Date.UTC(wall.year, wall.month - 1, wall.day, wall.hour, wall.minute);

/** How far `timeZone` is ahead of UTC at `instant`, in milliseconds. */
function offsetAt(instant: number, timeZone: string): number {
  const whole = Math.floor(instant / 60_000) * 60_000;
  return asUtc(wallClockAt(new Date(whole), timeZone)) - whole;
}

const sameMinute = (a: WallClock, b: WallClock) =>
  a.year === b.year && a.month === b.month && a.day === b.day && a.hour === b.hour && a.minute === b.minute;

/**
 * The instant at which clocks in `timeZone` show `wall`. A reading that happens twice (the hour
 * repeated when clocks go back) gives the first; one that never happens (skipped when clocks go
 * forward) gives the instant the clocks would show it had they not jumped, which lands just as far
 * past the jump: 02:30 on a spring-forward night becomes 03:30. That is how calendars treat it.
 */
export function instantAt(wall: WallClock, timeZone: string): Date {
  const local = asUtc(wall);
  // Zone offsets change at most once within a day or so: the offsets a day either side cover both.
  const candidates = [
    ...new Set([offsetAt(local - 86_400_000, timeZone), offsetAt(local + 86_400_000, timeZone)]),
  ]
    .map((offset) => local - offset)
    .filter((instant) => sameMinute(wallClockAt(new Date(instant), timeZone), wall))
    .sort((a, b) => a - b);
  const first = candidates[0];
  if (first !== undefined) return new Date(first);
  return new Date(local - offsetAt(local - 86_400_000, timeZone));
}

/** The calendar day after `wall`'s, same time of day. */
export function nextDay(wall: WallClock): WallClock {
  const next = new Date(Date.UTC(wall.year, wall.month - 1, wall.day + 1));
  return { ...wall, year: next.getUTCFullYear(), month: next.getUTCMonth() + 1, day: next.getUTCDate() };
}
