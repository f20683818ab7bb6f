import { describe, expect, it } from "vitest";
import {
  canonicalTimeZone,
  epochDayOf,
  instantOn,
  isoDateOf,
  isoWeekdayOf,
  localDayOf,
  localMsOf,
  offsetMsAt,
} from "./zoned-time.js";

const day = (iso: string) => epochDayOf(iso) as number;
const at = (iso: string, time: string, zone: string) => {
  const [h, m] = time.split(":").map(Number);
  return instantOn(day(iso), (h ?? 0) * 60 + (m ?? 0), zone).toISOString();
};
const HOUR = 3_600_000;

describe("time zone names", () => {
  it("accepts IANA zones, returning the canonical name", () => {
    expect(canonicalTimeZone("America/Chicago")).toBe("America/Chicago");
    expect(canonicalTimeZone("america/chicago")).toBe("America/Chicago");
    expect(canonicalTimeZone("US/Central")).toBe("America/Chicago");
    expect(canonicalTimeZone("UTC")).toBe("UTC");
  });

  it("refuses unknown zones, bare offsets and empty names", () => {
    for (const name of ["Mars/Olympus_Mons", "America/Chicag0", "+05:00", "-0600", "", " ", "CST6CDT/x"])
      expect(canonicalTimeZone(name), name).toBeNull();
  });
});

describe("local dates", () => {
  it("reads and writes YYYY-MM-DD, refusing dates that do not exist", () => {
    expect(day("1970-01-01")).toBe(0);
    expect(isoDateOf(day("2026-03-08"))).toBe("2026-03-08");
    expect(isoDateOf(day("2028-02-29"))).toBe("2028-02-29");
    for (const bad of ["2026-02-29", "2026-13-01", "2026-04-31", "2026-3-8", "20260308", "2026-03-08T00:00"])
      expect(epochDayOf(bad), bad).toBeNull();
  });

  it("knows the weekday: 1 Monday to 7 Sunday", () => {
    expect(isoWeekdayOf(day("1970-01-01"))).toBe(4);
    expect(isoWeekdayOf(day("2026-03-08"))).toBe(7);
    expect(isoWeekdayOf(day("2026-03-09"))).toBe(1);
    expect(isoWeekdayOf(day("1969-12-31"))).toBe(3);
  });
});

describe("the wall time of an instant", () => {
  it("follows the zone's offset, standard and summer time", () => {
    expect(offsetMsAt(Date.parse("2026-01-15T12:00:00Z"), "America/Chicago")).toBe(-6 * HOUR);
    expect(offsetMsAt(Date.parse("2026-07-15T12:00:00Z"), "America/Chicago")).toBe(-5 * HOUR);
    expect(offsetMsAt(Date.parse("2026-07-15T12:00:00Z"), "Europe/London")).toBe(HOUR);
    expect(offsetMsAt(Date.parse("2026-07-15T12:00:00Z"), "Asia/Kolkata")).toBe(5.5 * HOUR);
  });

  it("agrees with the wall clock Intl prints, minute by minute around every change of 2026", () => {
    for (const zone of ["America/Chicago", "Europe/London", "Australia/Lord_Howe", "America/Santiago"]) {
      const wall = new Intl.DateTimeFormat("en-US", {
        timeZone: zone,
        hourCycle: "h23",
        year: "numeric",
        month: "numeric",
        day: "numeric",
        hour: "numeric",
        minute: "numeric",
        second: "numeric",
      });
      const printed = (instant: number) => {
        const f = Object.fromEntries(wall.formatToParts(instant).map((p) => [p.type, Number(p.value)]));
        return Date.UTC(
          f.year ?? 0,
          (f.month ?? 1) - 1,
          f.day ?? 1,
          (f.hour ?? 0) % 24,
          f.minute ?? 0,
          f.second ?? 0,
        );
      };
      // Find the instants where the offset changes during 2026, hour by hour, then check around each.
      const changes: number[] = [];
      for (let t = Date.UTC(2026, 0, 1); t < Date.UTC(2027, 0, 1); t += HOUR)
        if (offsetMsAt(t, zone) !== offsetMsAt(t + HOUR, zone)) changes.push(t);
      expect(changes, zone).toHaveLength(2);
      for (const change of changes)
        for (let t = change - 2 * HOUR; t <= change + 3 * HOUR; t += 60_000)
          expect(localMsOf(t, zone), `${zone} ${new Date(t).toISOString()}`).toBe(printed(t));
    }
  });

  it("gives the local date and time of day, across the date line from UTC", () => {
    expect(localDayOf(new Date("2026-03-07T07:30:00Z"), "America/Chicago")).toEqual({
      day: day("2026-03-07"),
      msOfDay: 1.5 * HOUR,
    });
    // 03:30 in Chicago, already on summer time.
    expect(localDayOf(new Date("2026-03-08T08:30:00Z"), "America/Chicago")).toEqual({
      day: day("2026-03-08"),
      msOfDay: 3.5 * HOUR,
    });
    expect(localDayOf(new Date("2026-01-01T05:59:59.250Z"), "America/Chicago")).toEqual({
      day: day("2025-12-31"),
      msOfDay: 24 * HOUR - 750,
    });
  });
});

describe("the instant of a local time", () => {
  it("is unambiguous on ordinary days, in both offsets", () => {
    expect(at("2026-01-15", "20:00", "America/Chicago")).toBe("2026-01-16T02:00:00.000Z");
    expect(at("2026-07-15", "20:00", "America/Chicago")).toBe("2026-07-16T01:00:00.000Z");
    expect(at("2026-07-15", "09:15", "Asia/Kolkata")).toBe("2026-07-15T03:45:00.000Z");
    // Minute 1440 is the next midnight.
    expect(instantOn(day("2026-01-15"), 1440, "America/Chicago").toISOString()).toBe(
      "2026-01-16T06:00:00.000Z",
    );
  });

  it("moves a time the spring-forward gap skips to the moment the clocks jump (Chicago)", () => {
    // 2026-03-08: 01:59:59 CST is followed by 03:00:00 CDT, at 08:00Z.
    expect(at("2026-03-08", "01:59", "America/Chicago")).toBe("2026-03-08T07:59:00.000Z");
    expect(at("2026-03-08", "02:00", "America/Chicago")).toBe("2026-03-08T08:00:00.000Z");
    expect(at("2026-03-08", "02:30", "America/Chicago")).toBe("2026-03-08T08:00:00.000Z");
    expect(at("2026-03-08", "03:00", "America/Chicago")).toBe("2026-03-08T08:00:00.000Z");
    expect(at("2026-03-08", "03:01", "America/Chicago")).toBe("2026-03-08T08:01:00.000Z");
  });

  it("takes the earlier instant of a time the fall-back overlap shows twice (Chicago)", () => {
    // 2026-11-01: 01:00–01:59 happens in CDT (06:xxZ), then again in CST (07:xxZ).
    expect(at("2026-11-01", "00:59", "America/Chicago")).toBe("2026-11-01T05:59:00.000Z");
    expect(at("2026-11-01", "01:00", "America/Chicago")).toBe("2026-11-01T06:00:00.000Z");
    expect(at("2026-11-01", "01:30", "America/Chicago")).toBe("2026-11-01T06:30:00.000Z");
    expect(at("2026-11-01", "02:00", "America/Chicago")).toBe("2026-11-01T08:00:00.000Z");
  });

  it("handles London's changes, at 01:00 UTC both ways", () => {
    expect(at("2026-03-29", "00:59", "Europe/London")).toBe("2026-03-29T00:59:00.000Z");
    expect(at("2026-03-29", "01:30", "Europe/London")).toBe("2026-03-29T01:00:00.000Z");
    expect(at("2026-03-29", "02:00", "Europe/London")).toBe("2026-03-29T01:00:00.000Z");
    expect(at("2026-10-25", "01:30", "Europe/London")).toBe("2026-10-25T00:30:00.000Z");
    expect(at("2026-10-25", "02:00", "Europe/London")).toBe("2026-10-25T02:00:00.000Z");
  });

  it("handles changes at midnight and by half an hour", () => {
    // Santiago skips 2026-09-06 00:00–00:59 (clocks go from 24:00 to 01:00 -03).
    expect(at("2026-09-06", "00:00", "America/Santiago")).toBe("2026-09-06T04:00:00.000Z");
    expect(at("2026-09-06", "00:30", "America/Santiago")).toBe("2026-09-06T04:00:00.000Z");
    // …and repeats 2026-04-04 23:00–23:59, first in -03.
    expect(at("2026-04-04", "23:30", "America/Santiago")).toBe("2026-04-05T02:30:00.000Z");
    // Lord Howe moves its clocks by 30 minutes: 01:30–01:59 repeats, 02:00–02:29 is skipped.
    expect(at("2026-04-05", "01:45", "Australia/Lord_Howe")).toBe("2026-04-04T14:45:00.000Z");
    expect(at("2026-10-04", "02:15", "Australia/Lord_Howe")).toBe("2026-10-03T15:30:00.000Z");
  });

  it("round-trips every local minute of a day with a change, outside the gap", () => {
    const date = day("2026-03-08");
    for (let minute = 0; minute < 1440; minute += 1) {
      const instant = instantOn(date, minute, "America/Chicago");
      const local = localDayOf(instant, "America/Chicago");
      if (minute >= 120 && minute < 180) expect(local.msOfDay).toBe(3 * HOUR);
      else expect(local).toEqual({ day: date, msOfDay: minute * 60_000 });
    }
  });
});
