import { describe, expect, it } from "vitest";
import { isOpenAt, nextOpeningAfter } from "./opening-hours.js";
import { openingStatus } from "./opening-status.js";
import { type ScheduleRecord, WEEKDAYS, type Weekday } from "./schedule.record.js";

type Hours = [opens: string, closes: string][];

function schedule(
  weekly: Partial<Record<Weekday, Hours>>,
  exceptions: Record<string, Hours> = {},
  timeZone = "America/Chicago",
): ScheduleRecord {
  const intervals = (hours: Hours) => hours.map(([opens, closes]) => ({ opens, closes }));
  return {
    vendorId: "vendor-1",
    timeZone,
    weekly: WEEKDAYS.map((weekday) => ({ weekday, intervals: intervals(weekly[weekday] ?? []) })),
    exceptions: Object.entries(exceptions).map(([date, hours]) => ({ date, intervals: intervals(hours) })),
    updatedAt: new Date(0),
  };
}

const t = (iso: string) => new Date(iso);
const next = (s: ScheduleRecord, iso: string) => nextOpeningAfter(s, t(iso))?.toISOString() ?? null;

describe("opening hours across midnight", () => {
  // 2026-03-13 is a Friday; Chicago is on CDT (UTC-5) since 2026-03-08.
  const lateNight = schedule({ FRIDAY: [["20:00", "02:00"]] });

  it("keeps Friday 20:00–02:00 open into Saturday morning, and only until 02:00", () => {
    expect(isOpenAt(lateNight, t("2026-03-14T00:59:00Z"))).toBe(false); // Fri 19:59
    expect(isOpenAt(lateNight, t("2026-03-14T01:00:00Z"))).toBe(true); // Fri 20:00
    expect(isOpenAt(lateNight, t("2026-03-14T06:30:00Z"))).toBe(true); // Sat 01:30
    expect(isOpenAt(lateNight, t("2026-03-14T06:59:59Z"))).toBe(true); // Sat 01:59:59
    expect(isOpenAt(lateNight, t("2026-03-14T07:00:00Z"))).toBe(false); // Sat 02:00
    expect(isOpenAt(lateNight, t("2026-03-15T06:30:00Z"))).toBe(false); // Sun 01:30
  });

  it("finds the next Friday evening once Saturday's late hours are over", () => {
    expect(next(lateNight, "2026-03-14T07:00:00Z")).toBe("2026-03-21T01:00:00.000Z");
    expect(next(lateNight, "2026-03-13T17:00:00Z")).toBe("2026-03-14T01:00:00.000Z");
    // Exactly at the opening it is open, so the next one is a week later.
    expect(next(lateNight, "2026-03-14T01:00:00Z")).toBe("2026-03-21T01:00:00.000Z");
  });

  it("runs Sunday night into Monday morning across the week boundary", () => {
    const sundayNight = schedule({ SUNDAY: [["22:00", "03:00"]] });
    expect(isOpenAt(sundayNight, t("2026-03-16T06:00:00Z"))).toBe(true); // Mon 01:00
    expect(isOpenAt(sundayNight, t("2026-03-16T08:00:00Z"))).toBe(false); // Mon 03:00
    expect(next(sundayNight, "2026-03-16T08:00:00Z")).toBe("2026-03-23T03:00:00.000Z");
  });

  it("finds next Monday's hours from a Sunday, across the week boundary", () => {
    const mondays = schedule({ MONDAY: [["11:00", "14:00"]] });
    expect(next(mondays, "2026-03-15T22:00:00Z")).toBe("2026-03-16T16:00:00.000Z"); // Sun 17:00 → Mon 11:00
    expect(next(mondays, "2026-03-16T20:00:00Z")).toBe("2026-03-23T16:00:00.000Z"); // Mon 15:00 → next Mon
  });

  it("treats 24:00 as the end of the day and 00:00–24:00 as all day", () => {
    const allDay = schedule({ TUESDAY: [["00:00", "24:00"]], WEDNESDAY: [["18:00", "24:00"]] });
    expect(isOpenAt(allDay, t("2026-03-17T05:00:00Z"))).toBe(true); // Tue 00:00
    expect(isOpenAt(allDay, t("2026-03-18T04:59:59Z"))).toBe(true); // Tue 23:59:59
    expect(isOpenAt(allDay, t("2026-03-18T05:00:00Z"))).toBe(false); // Wed 00:00
    expect(isOpenAt(allDay, t("2026-03-19T04:59:00Z"))).toBe(true); // Wed 23:59
    expect(isOpenAt(allDay, t("2026-03-19T05:00:00Z"))).toBe(false); // Thu 00:00
  });
});

describe("opening hours when the clocks change", () => {
  it("Chicago spring forward (2026-03-08): a night that crosses the gap is an hour shorter", () => {
    // Saturday 22:00 CST (04:00Z) to Sunday 03:00 CDT (08:00Z): four real hours, not five.
    const s = schedule({ SATURDAY: [["22:00", "03:00"]] });
    expect(isOpenAt(s, t("2026-03-08T07:59:00Z"))).toBe(true); // 01:59 CST
    expect(isOpenAt(s, t("2026-03-08T08:00:00Z"))).toBe(false); // 03:00 CDT
    expect(next(s, "2026-03-08T08:00:00Z")).toBe("2026-03-15T03:00:00.000Z"); // next Sat 22:00 CDT
  });

  it("Chicago spring forward: an opening time inside the gap opens when the clocks jump", () => {
    const s = schedule({ SUNDAY: [["02:30", "04:00"]] });
    expect(next(s, "2026-03-08T07:00:00Z")).toBe("2026-03-08T08:00:00.000Z"); // 03:00 CDT
    expect(isOpenAt(s, t("2026-03-08T08:00:00Z"))).toBe(true);
    expect(isOpenAt(s, t("2026-03-08T08:59:00Z"))).toBe(true); // 03:59 CDT
    expect(isOpenAt(s, t("2026-03-08T09:00:00Z"))).toBe(false); // 04:00 CDT
  });

  it("Chicago spring forward: hours wholly inside the gap never open that night", () => {
    const s = schedule({ SUNDAY: [["02:00", "02:45"]] });
    expect(next(s, "2026-03-08T06:00:00Z")).toBe("2026-03-15T07:00:00.000Z"); // a week later, 02:00 CDT
    expect(isOpenAt(s, t("2026-03-08T08:00:00Z"))).toBe(false);
  });

  it("Chicago fall back (2026-11-01): a night that crosses the overlap is an hour longer", () => {
    // Saturday 20:00 CDT (01:00Z) to Sunday 02:00 CST (08:00Z): seven real hours.
    const s = schedule({ SATURDAY: [["20:00", "02:00"]] });
    expect(isOpenAt(s, t("2026-11-01T06:30:00Z"))).toBe(true); // 01:30 CDT
    expect(isOpenAt(s, t("2026-11-01T07:30:00Z"))).toBe(true); // 01:30 CST, the second time
    expect(isOpenAt(s, t("2026-11-01T08:00:00Z"))).toBe(false); // 02:00 CST
  });

  it("Chicago fall back: an ambiguous opening time opens at its first occurrence", () => {
    const s = schedule({ SUNDAY: [["01:30", "03:00"]] });
    expect(next(s, "2026-11-01T05:00:00Z")).toBe("2026-11-01T06:30:00.000Z"); // 01:30 CDT
    expect(isOpenAt(s, t("2026-11-01T07:15:00Z"))).toBe(true); // 01:15 CST, after 01:30 CDT
    // An interval wholly inside the repeated hour is open during its first occurrence only.
    const short = schedule({ SUNDAY: [["01:00", "01:30"]] });
    expect(isOpenAt(short, t("2026-11-01T06:15:00Z"))).toBe(true);
    expect(isOpenAt(short, t("2026-11-01T07:15:00Z"))).toBe(false);
  });

  it("London spring forward (2026-03-29) and fall back (2026-10-25)", () => {
    const spring = schedule({ SUNDAY: [["00:30", "02:30"]] }, {}, "Europe/London");
    expect(isOpenAt(spring, t("2026-03-29T00:30:00Z"))).toBe(true); // 00:30 GMT
    expect(isOpenAt(spring, t("2026-03-29T01:29:00Z"))).toBe(true); // 02:29 BST
    expect(isOpenAt(spring, t("2026-03-29T01:30:00Z"))).toBe(false); // 02:30 BST
    const autumn = schedule({ SATURDAY: [["23:00", "02:00"]] }, {}, "Europe/London");
    expect(isOpenAt(autumn, t("2026-10-24T22:00:00Z"))).toBe(true); // 23:00 BST
    expect(isOpenAt(autumn, t("2026-10-25T01:30:00Z"))).toBe(true); // 01:30 GMT, the second time
    expect(isOpenAt(autumn, t("2026-10-25T02:00:00Z"))).toBe(false); // 02:00 GMT
    expect(next(autumn, "2026-10-25T02:00:00Z")).toBe("2026-10-31T23:00:00.000Z"); // next Sat 23:00 GMT
  });
});

describe("exceptions", () => {
  const weekdays = schedule(
    { MONDAY: [["11:00", "14:00"]], TUESDAY: [["11:00", "14:00"]], FRIDAY: [["20:00", "02:00"]] },
    { "2026-03-16": [], "2026-03-17": [["18:00", "22:00"]], "2026-03-21": [] },
  );

  it("closes a date all day, and the next opening skips it", () => {
    expect(isOpenAt(weekdays, t("2026-03-16T17:00:00Z"))).toBe(false); // Mon 12:00, closed
    expect(next(weekdays, "2026-03-16T14:00:00Z")).toBe("2026-03-17T23:00:00.000Z"); // Tue 18:00
  });

  it("replaces a date's weekly hours with special ones", () => {
    expect(isOpenAt(weekdays, t("2026-03-17T17:00:00Z"))).toBe(false); // Tue 12:00: not today
    expect(isOpenAt(weekdays, t("2026-03-17T23:30:00Z"))).toBe(true); // Tue 18:30
    expect(isOpenAt(weekdays, t("2026-03-24T17:00:00Z"))).toBe(true); // the Tuesday after: as usual
  });

  it("leaves the night before running into a closed date", () => {
    // Friday 2026-03-20 20:00–02:00 still runs into Saturday 2026-03-21, which is "closed".
    expect(isOpenAt(weekdays, t("2026-03-21T06:30:00Z"))).toBe(true); // Sat 01:30
  });

  it("opens only on exception dates when there are no weekly hours", () => {
    const popUp = schedule({}, { "2026-03-01": [["10:00", "12:00"]], "2026-04-04": [["10:00", "16:00"]] });
    expect(next(popUp, "2026-03-16T12:00:00Z")).toBe("2026-04-04T15:00:00.000Z");
    expect(next(popUp, "2026-04-04T21:00:00Z")).toBeNull();
    expect(next(schedule({}), "2026-03-16T12:00:00Z")).toBeNull();
  });

  it("searches past a long run of closed dates", () => {
    const closures = Object.fromEntries(
      Array.from({ length: 60 }, (_, i) => [
        new Date(Date.UTC(2026, 2, 16 + i)).toISOString().slice(0, 10),
        [],
      ]),
    ) as Record<string, Hours>;
    const s = schedule({ MONDAY: [["11:00", "14:00"]] }, closures);
    // Closed from Mon 2026-03-16 for 60 days (through 2026-05-14): the next Monday is 2026-05-18.
    expect(next(s, "2026-03-15T12:00:00Z")).toBe("2026-05-18T16:00:00.000Z");
  });
});

describe("openings", () => {
  it("does not count an interval that continues another as an opening", () => {
    const s = schedule({
      MONDAY: [
        ["10:00", "14:00"],
        ["14:00", "18:00"],
        ["19:00", "21:00"],
      ],
    });
    expect(next(s, "2026-03-16T17:00:00Z")).toBe("2026-03-17T00:00:00.000Z"); // Mon 12:00 → 19:00
    expect(next(s, "2026-03-16T14:00:00Z")).toBe("2026-03-16T15:00:00.000Z"); // Mon 09:00 → 10:00
  });
});

describe("whether a vendor is open", () => {
  const s = schedule({ MONDAY: [["11:00", "14:00"]] });
  const mondayNoon = t("2026-03-16T17:00:00Z");
  const mondayEvening = t("2026-03-17T00:00:00Z");

  it("follows the status alone without a schedule", () => {
    expect(openingStatus("OPEN", null, mondayNoon)).toEqual({ openNow: true, nextOpening: null });
    expect(openingStatus("CLOSED", null, mondayNoon)).toEqual({ openNow: false, nextOpening: null });
  });

  it("needs both an OPEN status and the schedule", () => {
    expect(openingStatus("OPEN", s, mondayNoon)).toEqual({ openNow: true, nextOpening: null });
    expect(openingStatus("OPEN", s, mondayEvening)).toEqual({
      openNow: false,
      nextOpening: t("2026-03-23T16:00:00Z"),
    });
    // Closed by the vendor during its hours: the next opening is the next scheduled one.
    expect(openingStatus("CLOSED", s, mondayNoon)).toEqual({
      openNow: false,
      nextOpening: t("2026-03-23T16:00:00Z"),
    });
  });
});
