import type { EventBus } from "@venta/events";
import { type MarketplaceStores, type ScheduleInput, SchedulesService } from "@venta/marketplace";
import { publishAnnounced } from "./announced.js";
import { type DemoCity, type DemoVendor, seededRandom } from "./austin.js";

type Weekday = ScheduleInput["weeklyHours"][number]["weekday"];
type Day = [weekday: Weekday, opens: string, closes: string][];

const WEEKDAYS: Weekday[] = ["MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY"];
const WEEKEND: Weekday[] = ["SATURDAY", "SUNDAY"];
const every = (days: Weekday[], opens: string, closes: string): Day => days.map((d) => [d, opens, closes]);

/** Ways a food truck keeps hours in Austin; the late-night ones run past midnight. */
const PATTERNS = {
  morning: [...every([...WEEKDAYS, "SATURDAY"], "07:00", "13:00"), ["SUNDAY", "08:00", "14:00"]],
  lunch: every(WEEKDAYS, "11:00", "14:30"),
  lunchAndDinner: [
    ...every(["TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY", "SATURDAY"], "11:00", "14:30"),
    ...every(["THURSDAY", "FRIDAY", "SATURDAY"], "17:30", "21:30"),
  ],
  allDay: every([...WEEKDAYS, ...WEEKEND], "11:00", "21:00"),
  lateNight: [
    ...every(["WEDNESDAY", "THURSDAY", "SUNDAY"], "18:00", "00:00"),
    ...every(["FRIDAY", "SATURDAY"], "20:00", "03:00"),
  ],
  eveningsAndWeekends: [
    ...every(["WEDNESDAY", "THURSDAY", "FRIDAY"], "16:00", "22:00"),
    ...every(WEEKEND, "12:00", "22:00"),
  ],
} satisfies Record<string, Day>;
type Pattern = keyof typeof PATTERNS;

/** Which hours suit which cuisine: the first is the most likely. */
const BY_CUISINE: Record<string, Pattern[]> = {
  coffee: ["morning", "lunch"],
  breakfast: ["morning"],
  donuts: ["morning"],
  juice: ["morning", "lunch"],
  tacos: ["lateNight", "lunchAndDinner", "allDay"],
  burgers: ["lateNight", "allDay"],
  pizza: ["lateNight", "eveningsAndWeekends"],
  "tex-mex": ["lunchAndDinner", "lateNight"],
  korean: ["lateNight", "lunchAndDinner"],
  ramen: ["lateNight", "eveningsAndWeekends"],
  desserts: ["eveningsAndWeekends", "allDay"],
  "ice cream": ["eveningsAndWeekends", "allDay"],
};
const USUAL: Pattern[] = ["lunchAndDinner", "lunch", "allDay", "eveningsAndWeekends"];

/** Christmas Day off; New Year's Eve runs late for the late-night trucks. */
const HOLIDAYS: NonNullable<ScheduleInput["exceptions"]> = [{ date: "2026-12-25", closed: true }];
const NEW_YEARS_EVE = { date: "2026-12-31", closed: false, intervals: [{ opens: "18:00", closes: "03:00" }] };

/**
 * One vendor's demo hours in America/Chicago, the same on every run, or null for the few (about one
 * in eight) that publish none and go by their live status alone.
 */
export function demoSchedule(vendor: DemoVendor): ScheduleInput | null {
  const random = seededRandom(Number.parseInt(vendor.id.slice(-8), 16) + 7919);
  if (random() < 0.12) return null;
  const choices = BY_CUISINE[vendor.cuisines[0] ?? ""] ?? USUAL;
  // The first choice twice as likely as each other one.
  const roll = Math.floor(random() * (choices.length + 1));
  const pattern = choices[Math.max(0, roll - 1)] ?? "allDay";
  const byDay = new Map<Weekday, { opens: string; closes: string }[]>();
  for (const [weekday, opens, closes] of PATTERNS[pattern] as Day) {
    byDay.set(weekday, [...(byDay.get(weekday) ?? []), { opens, closes }]);
  }
  return {
    timeZone: "America/Chicago",
    weeklyHours: [...byDay].map(([weekday, intervals]) => ({ weekday, intervals })),
    exceptions: pattern === "lateNight" ? [...HOLIDAYS, NEW_YEARS_EVE] : HOLIDAYS,
  };
}

/** Opening hours for most Austin vendors, through the service the API uses (validated, announced). */
export async function seedSchedules(
  marketplace: MarketplaceStores,
  bus: EventBus,
  city: DemoCity,
): Promise<number> {
  const updatedAt = new Date(Date.UTC(2025, 0, 1));
  const schedules = new SchedulesService(marketplace.schedules, () => updatedAt);
  let count = 0;
  for (const vendor of city.vendors) {
    const schedule = demoSchedule(vendor);
    if (!schedule) continue;
    await schedules.set(vendor.id, schedule);
    count += 1;
  }
  await publishAnnounced(marketplace, bus);
  return count;
}
