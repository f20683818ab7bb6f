import { describe, expect, it } from "vitest";
import { formatClockTime, parseClockTime, quietHoursEnd } from "./quiet-hours.js";
import { instantAt, wallClockAt } from "./zoned-time.js";

const NIGHT = { startMinute: 22 * 60, endMinute: 7 * 60 };
const utc = (iso: string) => new Date(iso);

describe("quiet hours", () => {
  it("is quiet late in the evening and ends the next morning, in the person's zone", () => {
    // 23:30 in Chicago (CDT, UTC-5) on 10 June.
    expect(quietHoursEnd(utc("2026-06-11T04:30:00Z"), NIGHT, "America/Chicago")).toEqual(
      utc("2026-06-11T12:00:00Z"),
    );
    // 06:59 the same night: still quiet, same end.
    expect(quietHoursEnd(utc("2026-06-11T11:59:00Z"), NIGHT, "America/Chicago")).toEqual(
      utc("2026-06-11T12:00:00Z"),
    );
  });

  it("is not quiet outside the hours, its end included", () => {
    expect(quietHoursEnd(utc("2026-06-11T12:00:00Z"), NIGHT, "America/Chicago")).toBeNull();
    expect(quietHoursEnd(utc("2026-06-11T02:59:00Z"), NIGHT, "America/Chicago")).toBeNull(); // 21:59
  });

  it("reads the same instant differently in another zone", () => {
    // 04:30 UTC is 06:30 in Madrid (CEST): quiet until 07:00 local, 05:00 UTC.
    expect(quietHoursEnd(utc("2026-06-11T04:30:00Z"), NIGHT, "Europe/Madrid")).toEqual(
      utc("2026-06-11T05:00:00Z"),
    );
    expect(quietHoursEnd(utc("2026-06-11T04:30:00Z"), NIGHT, "Asia/Tokyo")).toBeNull(); // 13:30
  });

  it("ends at 07:00 by the clocks on the night the clocks go back", () => {
    // Chicago leaves daylight time at 02:00 on 1 November 2026: the night is an hour longer.
    // 23:00 CDT on 31 October; 07:00 CST is 13:00 UTC, not 12:00.
    expect(quietHoursEnd(utc("2026-11-01T04:00:00Z"), NIGHT, "America/Chicago")).toEqual(
      utc("2026-11-01T13:00:00Z"),
    );
  });

  it("ends at 07:00 by the clocks on the night the clocks go forward", () => {
    // Chicago enters daylight time at 02:00 on 8 March 2026. 23:00 CST on 7 March; 07:00 CDT is 12:00 UTC.
    expect(quietHoursEnd(utc("2026-03-08T05:00:00Z"), NIGHT, "America/Chicago")).toEqual(
      utc("2026-03-08T12:00:00Z"),
    );
  });

  it("moves an end time the clocks skip to just past the jump", () => {
    // Quiet from 01:00 to 02:30; 02:30 never happens on 8 March 2026 in Chicago: it ends 03:30 CDT.
    const quiet = { startMinute: 60, endMinute: 150 };
    expect(quietHoursEnd(utc("2026-03-08T07:15:00Z"), quiet, "America/Chicago")).toEqual(
      utc("2026-03-08T08:30:00Z"),
    );
  });

  it("handles hours within one day", () => {
    const lunch = { startMinute: 12 * 60, endMinute: 13 * 60 + 30 };
    expect(quietHoursEnd(utc("2026-01-15T12:15:00Z"), lunch, "UTC")).toEqual(utc("2026-01-15T13:30:00Z"));
    expect(quietHoursEnd(utc("2026-01-15T13:30:00Z"), lunch, "UTC")).toBeNull();
  });
});

describe("wall clocks", () => {
  it("takes the first of a repeated hour", () => {
    // 01:30 happens twice in Chicago on 1 November 2026: at 06:30 UTC (CDT) and 07:30 UTC (CST).
    expect(instantAt({ year: 2026, month: 11, day: 1, hour: 1, minute: 30 }, "America/Chicago")).toEqual(
      utc("2026-11-01T06:30:00Z"),
    );
  });

  it("reads and writes the clock round trip", () => {
    const wall = wallClockAt(utc("2026-07-04T18:45:00Z"), "America/Chicago");
    expect(wall).toEqual({ year: 2026, month: 7, day: 4, hour: 13, minute: 45 });
    expect(instantAt(wall, "America/Chicago")).toEqual(utc("2026-07-04T18:45:00Z"));
  });

  it("parses and prints 24-hour clock times, refusing anything else", () => {
    expect(parseClockTime("07:05")).toBe(425);
    expect(parseClockTime("23:59")).toBe(1439);
    for (const bad of ["24:00", "7:05", "07:60", "noon", ""]) expect(parseClockTime(bad)).toBeNull();
    expect(formatClockTime(425)).toBe("07:05");
  });
});
