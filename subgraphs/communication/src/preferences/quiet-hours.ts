import { instantAt, nextDay, type WallClock, wallClockAt } from "./zoned-time.js";

/**
 * Hours of the day when nothing but urgent notifications may interrupt the person, as minutes
 * after midnight on their clocks. `start` after `end` spans midnight (22:00 to 07:00).
 */
export interface QuietHours {
  startMinute: number;
  endMinute: number;
}

const at = (wall: WallClock, minuteOfDay: number): WallClock => ({
  ...wall,
  hour: Math.floor(minuteOfDay / 60),
  minute: minuteOfDay % 60,
});

/**
 * When the quiet hours around `instant` end, in the person's time zone; null when `instant` is
 * outside them. Daylight-saving changes are honoured: a night that loses or gains an hour ends at
 * the end time its clocks show.
 */
export function quietHoursEnd(instant: Date, quiet: QuietHours, timeZone: string): Date | null {
  const wall = wallClockAt(instant, timeZone);
  const minute = wall.hour * 60 + wall.minute;
  const { startMinute, endMinute } = quiet;
  if (startMinute < endMinute) {
    return minute >= startMinute && minute < endMinute ? instantAt(at(wall, endMinute), timeZone) : null;
  }
  if (minute >= startMinute) return instantAt(at(nextDay(wall), endMinute), timeZone);
  if (minute < endMinute) return instantAt(at(wall, endMinute), timeZone);
  return null;
}

/** "HH:MM" on a 24-hour clock; null when it is not one. */
export function parseClockTime(text: string): number | null {
  const match = /^([01]\d|2[0-3]):([0-5]\d)$/.exec(text.trim());
  return match ? Number(match[1]) * 60 + Number(match[2]) : null;
}

export function formatClockTime(minuteOfDay: number): string {
  const hours = String(Math.floor(minuteOfDay / 60)).padStart(2, "0");
  const minutes = String(minuteOfDay % 60).padStart(2, "0");
  return `${hours}:${minutes}`;
}
