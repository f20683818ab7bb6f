import { GraphQLError } from "graphql";
import { describe, expect, it } from "vitest";
import type { Weekday } from "./schedule.record.js";
import { type ScheduleInput, validSchedule } from "./schedule.validation.js";

type Hours = [opens: string, closes: string][];
const hours = (list: Hours) => list.map(([opens, closes]) => ({ opens, closes }));

function input(
  weekly: Partial<Record<Weekday, Hours>>,
  exceptions: ScheduleInput["exceptions"] = [],
  timeZone = "America/Chicago",
): ScheduleInput {
  return {
    timeZone,
    weeklyHours: Object.entries(weekly).map(([weekday, list]) => ({
      weekday: weekday as Weekday,
      intervals: hours(list),
    })),
    exceptions,
  };
}

/** The BAD_USER_INPUT the input is refused with: its field and message. */
function refusal(schedule: ScheduleInput): { field: unknown; message: string } {
  try {
    validSchedule(schedule);
  } catch (error) {
    if (error instanceof GraphQLError && error.extensions.code === "BAD_USER_INPUT")
      return { field: error.extensions.field, message: error.message };
    throw error;
  }
  throw new Error("the schedule was accepted");
}

describe("a valid schedule", () => {
  it("is stored with the canonical zone, all seven weekdays Monday first, intervals in order", () => {
    const valid = validSchedule(
      input(
        {
          FRIDAY: [
            ["20:00", "02:00"],
            ["11:00", "14:00"],
          ],
          MONDAY: [["00:00", "24:00"]],
        },
        [
          { date: "2026-12-25", closed: true },
          { date: "2026-12-24", closed: false, intervals: hours([["10:00", "14:00"]]) },
        ],
        "america/chicago",
      ),
    );
    expect(valid.timeZone).toBe("America/Chicago");
    expect(valid.weekly.map((d) => d.weekday)).toEqual([
      "MONDAY",
      "TUESDAY",
      "WEDNESDAY",
      "THURSDAY",
      "FRIDAY",
      "SATURDAY",
      "SUNDAY",
    ]);
    expect(valid.weekly[4]?.intervals).toEqual(
      hours([
        ["11:00", "14:00"],
        ["20:00", "02:00"],
      ]),
    );
    expect(valid.weekly[0]?.intervals).toEqual(hours([["00:00", "24:00"]]));
    expect(valid.exceptions).toEqual([
      { date: "2026-12-24", intervals: hours([["10:00", "14:00"]]) },
      { date: "2026-12-25", intervals: [] },
    ]);
  });

  it("allows intervals that touch, and every day open around the clock", () => {
    expect(() =>
      validSchedule(
        input({
          MONDAY: [
            ["10:00", "14:00"],
            ["14:00", "18:00"],
          ],
        }),
      ),
    ).not.toThrow();
    const always = Object.fromEntries(
      (["MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY", "SATURDAY", "SUNDAY"] as const).map((d) => [
        d,
        [["00:00", "24:00"]] as Hours,
      ]),
    );
    expect(() => validSchedule(input(always))).not.toThrow();
    // Sunday late into Monday, Monday from 03:00: they fit.
    expect(() =>
      validSchedule(input({ SUNDAY: [["22:00", "03:00"]], MONDAY: [["03:00", "10:00"]] })),
    ).not.toThrow();
  });
});

describe("an invalid schedule is refused", () => {
  it("for an unknown time zone", () => {
    expect(refusal(input({}, [], "Mars/Olympus_Mons")).field).toBe("timeZone");
    expect(refusal(input({}, [], "+05:00")).field).toBe("timeZone");
  });

  it("for times that are not HH:MM, and 24:00 as an opening time", () => {
    for (const bad of [
      ["9:00", "17:00"],
      ["09:00", "25:00"],
      ["24:00", "02:00"],
      ["09:60", "17:00"],
      ["", "17:00"],
    ])
      expect(refusal(input({ MONDAY: [bad as [string, string]] })).field, bad.join("–")).toBe("weeklyHours");
  });

  it("when an interval closes when it opens", () => {
    expect(refusal(input({ MONDAY: [["10:00", "10:00"]] }))).toEqual({
      field: "weeklyHours",
      message: "MONDAY: 10:00–10:00 closes when it opens; for a whole day use 00:00–24:00",
    });
    expect(refusal(input({ MONDAY: [["00:00", "00:00"]] })).field).toBe("weeklyHours");
  });

  it("when intervals of a day overlap", () => {
    expect(
      refusal(
        input({
          MONDAY: [
            ["10:00", "14:00"],
            ["13:00", "15:00"],
          ],
        }),
      ),
    ).toEqual({
      field: "weeklyHours",
      message: "MONDAY 10:00–14:00 overlaps MONDAY 13:00–15:00",
    });
  });

  it("when a night crossing midnight overlaps the next day's hours, Sunday into Monday too", () => {
    expect(refusal(input({ FRIDAY: [["20:00", "02:00"]], SATURDAY: [["01:00", "05:00"]] })).message).toBe(
      "FRIDAY 20:00–02:00 overlaps SATURDAY 01:00–05:00",
    );
    expect(refusal(input({ SUNDAY: [["22:00", "03:00"]], MONDAY: [["02:00", "10:00"]] })).message).toBe(
      "MONDAY 02:00–10:00 overlaps SUNDAY 22:00–03:00",
    );
  });

  it("when a weekday is given twice, or has too many intervals", () => {
    const twice: ScheduleInput = {
      timeZone: "UTC",
      weeklyHours: [
        { weekday: "MONDAY", intervals: hours([["10:00", "11:00"]]) },
        { weekday: "MONDAY", intervals: hours([["12:00", "13:00"]]) },
      ],
    };
    expect(refusal(twice).field).toBe("weeklyHours");
    const many: Hours = Array.from({ length: 7 }, (_, i) => [`${10 + i}:00`, `${10 + i}:30`]);
    expect(refusal(input({ MONDAY: many })).field).toBe("weeklyHours");
  });

  it("for exceptions that are not real dates, repeat a date, or contradict themselves", () => {
    const bad: NonNullable<ScheduleInput["exceptions"]>[] = [
      [{ date: "2026-02-30", closed: true }],
      [{ date: "26-12-25", closed: true }],
      [{ date: "1999-12-31", closed: true }],
      [
        { date: "2026-12-25", closed: true },
        { date: "2026-12-25", closed: true },
      ],
      [{ date: "2026-12-25", closed: true, intervals: hours([["10:00", "12:00"]]) }],
      [{ date: "2026-12-25", closed: false, intervals: [] }],
      [{ date: "2026-12-25", closed: false, intervals: hours([["10:00", "10:00"]]) }],
    ];
    for (const exceptions of bad) expect(refusal(input({}, exceptions)).field).toBe("exceptions");
  });

  it("when special hours overlap the nights either side of them", () => {
    // 2026-03-14 is a Saturday: Friday's night runs into it until 02:00.
    const friday = { FRIDAY: [["20:00", "02:00"]] as Hours };
    expect(
      refusal(input(friday, [{ date: "2026-03-14", closed: false, intervals: hours([["01:00", "05:00"]]) }])),
    ).toEqual({ field: "exceptions", message: "2026-03-13 20:00–02:00 overlaps 2026-03-14 01:00–05:00" });
    // A special late night on Thursday 2026-03-12 that runs into Friday's hours.
    expect(
      refusal(
        input({ FRIDAY: [["01:00", "04:00"]] }, [
          { date: "2026-03-12", closed: false, intervals: hours([["22:00", "02:00"]]) },
        ]),
      ).field,
    ).toBe("exceptions");
    // Two special nights on consecutive dates.
    expect(
      refusal(
        input({}, [
          { date: "2026-03-12", closed: false, intervals: hours([["22:00", "02:00"]]) },
          { date: "2026-03-13", closed: false, intervals: hours([["01:00", "03:00"]]) },
        ]),
      ).field,
    ).toBe("exceptions");
    // Closing Saturday instead, or starting after 02:00, fits.
    expect(() =>
      validSchedule(
        input(friday, [{ date: "2026-03-14", closed: false, intervals: hours([["02:00", "05:00"]]) }]),
      ),
    ).not.toThrow();
  });

  it("with more than 100 exceptions", () => {
    const exceptions = Array.from({ length: 101 }, (_, i) => ({
      date: new Date(Date.UTC(2026, 0, 1 + i)).toISOString().slice(0, 10),
      closed: true,
    }));
    expect(refusal(input({}, exceptions)).field).toBe("exceptions");
  });
});
