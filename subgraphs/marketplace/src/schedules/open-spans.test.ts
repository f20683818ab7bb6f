import { describe, expect, it } from "vitest";
import { isOpenAt, openSpansBetween } from "./opening-hours.js";
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

const spans = (s: ScheduleRecord, from: string, to: string) =>
  openSpansBetween(s, new Date(from), new Date(to)).map(({ start, end }) => [
    start.toISOString(),
    end.toISOString(),
  ]);

describe("open spans between two instants", () => {
  it("runs a late night past midnight into the next day", () => {
    // Friday 2026-03-13 20:00 CDT to Saturday 02:00 CDT, and the Friday after.
    const lateNight = schedule({ FRIDAY: [["20:00", "02:00"]] });
    expect(spans(lateNight, "2026-03-13T12:00:00Z", "2026-03-22T00:00:00Z")).toEqual([
      ["2026-03-14T01:00:00.000Z", "2026-03-14T07:00:00.000Z"],
      ["2026-03-21T01:00:00.000Z", "2026-03-21T07:00:00.000Z"],
    ]);
  });

  it("cuts spans to the window, including one that opened the day before the window starts", () => {
    const lateNight = schedule({ FRIDAY: [["20:00", "02:00"]] });
    // From Saturday 01:30: Friday's night is still on, for half an hour.
    expect(spans(lateNight, "2026-03-14T06:30:00Z", "2026-03-20T00:00:00Z")).toEqual([
      ["2026-03-14T06:30:00.000Z", "2026-03-14T07:00:00.000Z"],
    ]);
    // Up to Friday 21:00: the night is cut at the window's end.
    expect(spans(lateNight, "2026-03-14T07:00:00Z", "2026-03-21T02:00:00Z")).toEqual([
      ["2026-03-21T01:00:00.000Z", "2026-03-21T02:00:00.000Z"],
    ]);
    expect(spans(lateNight, "2026-03-21T02:00:00Z", "2026-03-21T02:00:00Z")).toEqual([]);
  });

  it("merges intervals that continue one another, across midnight too", () => {
    const s = schedule({
      SUNDAY: [["22:00", "24:00"]],
      MONDAY: [
        ["00:00", "02:00"],
        ["10:00", "14:00"],
        ["14:00", "18:00"],
      ],
      TUESDAY: [["00:00", "02:00"]],
    });
    expect(spans(s, "2026-03-15T00:00:00Z", "2026-03-18T00:00:00Z")).toEqual([
      ["2026-03-16T03:00:00.000Z", "2026-03-16T07:00:00.000Z"], // Sun 22:00 to Mon 02:00
      ["2026-03-16T15:00:00.000Z", "2026-03-16T23:00:00.000Z"], // Mon 10:00 to 18:00
      ["2026-03-17T05:00:00.000Z", "2026-03-17T07:00:00.000Z"], // Tue 00:00 to 02:00
    ]);
    const allWeek = schedule(
      Object.fromEntries(WEEKDAYS.map((d) => [d, [["00:00", "24:00"]]])) as Record<Weekday, Hours>,
    );
    expect(spans(allWeek, "2026-03-15T00:00:00Z", "2026-03-29T00:00:00Z")).toEqual([
      ["2026-03-15T00:00:00.000Z", "2026-03-29T00:00:00.000Z"],
    ]);
  });

  it("Chicago spring forward (2026-03-08): the night across the gap is an hour shorter", () => {
    const s = schedule({ SATURDAY: [["22:00", "03:00"]] });
    expect(spans(s, "2026-03-07T12:00:00Z", "2026-03-09T00:00:00Z")).toEqual([
      ["2026-03-08T04:00:00.000Z", "2026-03-08T08:00:00.000Z"], // 22:00 CST to 03:00 CDT: 4 hours
    ]);
    // Hours wholly inside the gap never open that night.
    const inGap = schedule({ SUNDAY: [["02:00", "02:45"]] });
    expect(spans(inGap, "2026-03-08T00:00:00Z", "2026-03-09T00:00:00Z")).toEqual([]);
  });

  it("Chicago fall back (2026-11-01): the night across the overlap is an hour longer", () => {
    const s = schedule({ SATURDAY: [["20:00", "02:00"]] });
    expect(spans(s, "2026-10-31T12:00:00Z", "2026-11-02T00:00:00Z")).toEqual([
      ["2026-11-01T01:00:00.000Z", "2026-11-01T08:00:00.000Z"], // 20:00 CDT to 02:00 CST: 7 hours
    ]);
  });

  it("leaves out dates an exception closes and adds special hours", () => {
    const s = schedule(
      { MONDAY: [["11:00", "14:00"]], TUESDAY: [["11:00", "14:00"]] },
      { "2026-03-16": [], "2026-03-17": [["18:00", "22:00"]] },
    );
    expect(spans(s, "2026-03-16T00:00:00Z", "2026-03-25T00:00:00Z")).toEqual([
      ["2026-03-17T23:00:00.000Z", "2026-03-18T03:00:00.000Z"],
      ["2026-03-23T16:00:00.000Z", "2026-03-23T19:00:00.000Z"],
      ["2026-03-24T16:00:00.000Z", "2026-03-24T19:00:00.000Z"],
    ]);
  });

  it("is empty for a schedule without hours", () => {
    expect(spans(schedule({}), "2026-03-16T00:00:00Z", "2026-03-30T00:00:00Z")).toEqual([]);
  });

  it("agrees with isOpenAt minute by minute over both 2026 clock changes, in Chicago and London", () => {
    const busy = (timeZone: string) =>
      schedule(
        {
          MONDAY: [["07:00", "13:00"]],
          WEDNESDAY: [["18:00", "00:00"]],
          THURSDAY: [["00:00", "01:30"]],
          FRIDAY: [["20:00", "03:00"]],
          SATURDAY: [
            ["01:30", "02:30"],
            ["20:00", "03:00"],
          ],
          SUNDAY: [
            ["03:00", "04:00"],
            ["22:00", "02:00"],
          ],
        },
        { "2026-11-02": [["01:00", "02:00"]] },
        timeZone,
      );
    for (const [zone, windows] of [
      ["America/Chicago", ["2026-03-06T00:00:00Z", "2026-10-30T00:00:00Z"]],
      ["Europe/London", ["2026-03-27T00:00:00Z", "2026-10-23T00:00:00Z"]],
    ] as const) {
      const s = busy(zone);
      for (const start of windows) {
        const from = new Date(start);
        const to = new Date(from.getTime() + 4 * 86_400_000);
        const open = openSpansBetween(s, from, to);
        for (let t = from.getTime(); t < to.getTime(); t += 60_000) {
          const inSpan = open.some((span) => span.start.getTime() <= t && t < span.end.getTime());
          expect(inSpan, `${zone} ${new Date(t).toISOString()}`).toBe(isOpenAt(s, new Date(t)));
        }
        // Merged: no two spans touch.
        for (let i = 1; i < open.length; i += 1)
          expect(open[i]?.start.getTime()).toBeGreaterThan(open[i - 1]?.end.getTime() as number);
      }
    }
  });
});
