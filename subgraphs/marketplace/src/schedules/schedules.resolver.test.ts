import { anonymous, personViewer, type Viewer } from "@venta/auth";
import type { DomainEvent } from "@venta/events";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { marketplaceHarness } from "../marketplace.harness.js";
import { SchedulesService } from "./schedules.service.js";

type Harness = Awaited<ReturnType<typeof marketplaceHarness>>;

const field = <T>(result: { data?: Record<string, unknown> | null }, name: string) =>
  result.data?.[name] as T;
const outcome = (result: { errors?: readonly { extensions?: { code?: unknown } }[] }) =>
  result.errors?.[0]?.extensions?.code ?? "allowed";

const SET = `mutation ($input: SetVendorScheduleInput!) {
  setVendorSchedule(input: $input) { id openNow nextOpening schedule {
    timeZone updatedAt
    weeklyHours { weekday intervals { opens closes crossesMidnight } }
    exceptions { date closed intervals { opens closes } } } } }`;
const STATUS = `query ($id: ID!) { vendor(id: $id) { openNow nextOpening schedule { timeZone } } }`;

/** Late nights: Friday and Saturday 20:00–02:00, Monday lunch; closed on 2026-03-16. */
const lateNights = (vendorId: string) => ({
  vendorId,
  timeZone: "America/Chicago",
  weeklyHours: [
    { weekday: "FRIDAY" as const, intervals: [{ opens: "20:00", closes: "02:00" }] },
    { weekday: "SATURDAY" as const, intervals: [{ opens: "20:00", closes: "02:00" }] },
    { weekday: "MONDAY" as const, intervals: [{ opens: "11:00", closes: "14:00" }] },
  ],
  exceptions: [{ date: "2026-03-16", closed: true }],
});

describe("vendor schedules", () => {
  let h: Harness;
  let vendorId: string;
  let now: Date;
  const owner = personViewer("owner-1", ["VENDOR"]);

  beforeEach(async () => {
    h = await marketplaceHarness();
    now = new Date("2026-03-14T06:30:00Z"); // Saturday 01:30 in Chicago
    h.services.schedules = new SchedulesService(h.stores.schedules, () => now);
    await h.services.users.register("Owner", { id: "owner-1" });
    await h.services.users.register("Other", { id: "owner-2" });
    const vendor = {
      name: "Night Owl Tacos",
      cuisines: ["tacos"],
      ownerId: "owner-1",
      status: "OPEN" as const,
    };
    vendorId = (await h.services.vendors.create(vendor, { verified: true })).id;
  });
  afterEach(() => h.close());

  const status = async () =>
    field<{ openNow: boolean; nextOpening: Date | null; schedule: { timeZone: string } | null }>(
      await h.run(STATUS, { id: vendorId }),
      "vendor",
    );

  it("follows the vendor's status alone until it has a schedule", async () => {
    expect(await status()).toEqual({ openNow: true, nextOpening: null, schedule: null });
    await h.services.vendors.update(vendorId, { status: "CLOSED" });
    expect(await status()).toEqual({ openNow: false, nextOpening: null, schedule: null });
  });

  it("sets a schedule and judges openness by it, across midnight", async () => {
    const result = await h.run(SET, { input: lateNights(vendorId) }, owner);
    expect(result.errors).toBeUndefined();
    expect(field(result, "setVendorSchedule")).toEqual({
      id: vendorId,
      openNow: true, // Friday's 20:00–02:00, at Saturday 01:30
      nextOpening: null,
      schedule: {
        timeZone: "America/Chicago",
        updatedAt: new Date("2026-03-14T06:30:00.000Z"),
        weeklyHours: [
          { weekday: "MONDAY", intervals: [{ opens: "11:00", closes: "14:00", crossesMidnight: false }] },
          { weekday: "TUESDAY", intervals: [] },
          { weekday: "WEDNESDAY", intervals: [] },
          { weekday: "THURSDAY", intervals: [] },
          { weekday: "FRIDAY", intervals: [{ opens: "20:00", closes: "02:00", crossesMidnight: true }] },
          { weekday: "SATURDAY", intervals: [{ opens: "20:00", closes: "02:00", crossesMidnight: true }] },
          { weekday: "SUNDAY", intervals: [] },
        ],
        exceptions: [{ date: "2026-03-16", closed: true, intervals: [] }],
      },
    });
    now = new Date("2026-03-14T12:00:00Z"); // Saturday 07:00
    expect(await status()).toMatchObject({
      openNow: false,
      nextOpening: new Date("2026-03-15T01:00:00.000Z"),
    });
    // Sunday 03:00, Monday 2026-03-16 is closed: the next opening is Friday 2026-03-20 at 20:00.
    now = new Date("2026-03-15T08:00:00Z");
    expect(await status()).toMatchObject({
      openNow: false,
      nextOpening: new Date("2026-03-21T01:00:00.000Z"),
    });
  });

  it("is closed while the vendor says so, even within its hours", async () => {
    await h.run(SET, { input: lateNights(vendorId) }, owner);
    await h.services.vendors.update(vendorId, { status: "CLOSED" });
    expect(await status()).toMatchObject({
      openNow: false,
      nextOpening: new Date("2026-03-15T01:00:00.000Z"),
    });
  });

  it.each([
    [{ timeZone: "Mars/Olympus_Mons" }, "timeZone"],
    [
      { weeklyHours: [{ weekday: "MONDAY", intervals: [{ opens: "10:00", closes: "10:00" }] }] },
      "weeklyHours",
    ],
    [
      {
        weeklyHours: [
          {
            weekday: "MONDAY",
            intervals: [
              { opens: "10:00", closes: "14:00" },
              { opens: "13:00", closes: "15:00" },
            ],
          },
        ],
      },
      "weeklyHours",
    ],
    [{ exceptions: [{ date: "2026-02-30", closed: true }] }, "exceptions"],
  ])("refuses %j as BAD_USER_INPUT on %s, keeping the schedule it had", async (change, fieldName) => {
    await h.run(SET, { input: lateNights(vendorId) }, owner);
    const before = await h.stores.schedules.findByVendorId(vendorId);
    now = new Date("2026-03-20T00:00:00Z");
    const result = await h.run(SET, { input: { ...lateNights(vendorId), ...change } }, owner);
    expect(result.errors?.[0]?.extensions).toMatchObject({ code: "BAD_USER_INPUT", field: fieldName });
    expect(await h.stores.schedules.findByVendorId(vendorId)).toEqual(before);
  });

  it("replaces the whole schedule", async () => {
    await h.run(SET, { input: lateNights(vendorId) }, owner);
    const replaced = await h.run(
      SET,
      {
        input: {
          vendorId,
          timeZone: "Europe/London",
          weeklyHours: [{ weekday: "SUNDAY", intervals: [{ opens: "09:00", closes: "12:00" }] }],
        },
      },
      owner,
    );
    expect(field(replaced, "setVendorSchedule")).toMatchObject({
      openNow: false,
      nextOpening: new Date("2026-03-15T09:00:00.000Z"), // Sunday 09:00 GMT
      schedule: { timeZone: "Europe/London", exceptions: [] },
    });
  });

  it("announces each new schedule", async () => {
    const seen: DomainEvent[] = [];
    h.bus.consume("test", ["marketplace.schedule_updated"], (event) => {
      seen.push(event);
    });
    await h.run(SET, { input: { ...lateNights(vendorId), timeZone: "US/Central" } }, owner);
    await expect.poll(() => seen.length).toBe(1);
    // With the hours as instants for two weeks from now (Saturday 01:30 in Chicago), for subgraphs
    // that filter on openness without time-zone rules.
    expect(seen[0]?.payload).toEqual({
      vendorId,
      timeZone: "America/Chicago",
      updatedAt: "2026-03-14T06:30:00.000Z",
      openIntervals: [
        { start: "2026-03-14T06:30:00.000Z", end: "2026-03-14T07:00:00.000Z" }, // rest of Friday night
        { start: "2026-03-15T01:00:00.000Z", end: "2026-03-15T07:00:00.000Z" }, // Saturday night
        // Monday 2026-03-16 is closed.
        { start: "2026-03-21T01:00:00.000Z", end: "2026-03-21T07:00:00.000Z" },
        { start: "2026-03-22T01:00:00.000Z", end: "2026-03-22T07:00:00.000Z" },
        { start: "2026-03-23T16:00:00.000Z", end: "2026-03-23T19:00:00.000Z" }, // Monday lunch
        { start: "2026-03-28T01:00:00.000Z", end: "2026-03-28T06:30:00.000Z" }, // cut at the horizon
      ],
      horizonEnd: "2026-03-28T06:30:00.000Z",
    });
  });

  it.each<[string, Viewer, string]>([
    ["anonymous", anonymous, "UNAUTHENTICATED"],
    ["a customer", personViewer("customer-1", ["CUSTOMER"]), "FORBIDDEN"],
    ["another vendor account", personViewer("owner-2", ["VENDOR"]), "FORBIDDEN"],
    ["its owner", owner, "allowed"],
    ["an admin", personViewer("admin-1", ["ADMIN"]), "allowed"],
  ])("may be set by %s: %s", async (_who, viewer, expected) => {
    expect(outcome(await h.run(SET, { input: lateNights(vendorId) }, viewer))).toBe(expected);
    const stored = await h.stores.schedules.findByVendorId(vendorId);
    expect(stored === null).toBe(expected !== "allowed");
  });

  it("answers NOT_FOUND for an unknown vendor", async () => {
    const admin = personViewer("admin-1", ["ADMIN"]);
    expect(outcome(await h.run(SET, { input: lateNights("nope") }, admin))).toBe("NOT_FOUND");
  });

  it("reads the schedules of every vendor in a response with one store query, at one instant", async () => {
    const ids = [vendorId];
    for (let i = 0; i < 5; i += 1) {
      const vendor = { name: `Cart ${i}`, cuisines: ["bbq"], ownerId: "owner-1", status: "OPEN" as const };
      ids.push((await h.services.vendors.create(vendor, { verified: true })).id);
    }
    for (const id of ids.slice(0, 4)) await h.services.schedules.set(id, lateNights(id));
    let queries = 0;
    const findByVendorIds = h.stores.schedules.findByVendorIds.bind(h.stores.schedules);
    h.stores.schedules.findByVendorIds = (vendorIds) => {
      queries += 1;
      return findByVendorIds(vendorIds);
    };
    let clockReads = 0;
    const fixed = now;
    h.services.schedules = new SchedulesService(h.stores.schedules, () => {
      clockReads += 1;
      return fixed;
    });
    const result = await h.run(
      `{ vendors(first: 20) { edges { node { id openNow nextOpening schedule { timeZone } } } } }`,
    );
    expect(result.errors).toBeUndefined();
    const nodes = field<{ edges: { node: { id: string; openNow: boolean; schedule: unknown } }[] }>(
      result,
      "vendors",
    ).edges.map((e) => e.node);
    expect(nodes).toHaveLength(6);
    expect(nodes.filter((n) => n.schedule !== null)).toHaveLength(4);
    expect(nodes.every((n) => n.openNow)).toBe(true);
    expect(queries).toBe(1);
    expect(clockReads).toBe(1);
  });
});
