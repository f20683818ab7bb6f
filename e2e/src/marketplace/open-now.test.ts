import {
  eventually,
  type GraphQLResponse,
  postGraphQL,
  type SignedUp,
  type Stack,
  startStack,
} from "@venta/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { untilListed, verifyVendor } from "../onboarding/verify-vendor.js";

const DOWNTOWN = { lat: 30.2672, lng: -97.7431 };
const WEEKDAYS = ["MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY", "SATURDAY", "SUNDAY"];
const everyDay = (opens: string, closes: string) =>
  WEEKDAYS.map((weekday) => ({ weekday, intervals: [{ opens, closes }] }));

/** The wall-clock minute of the day in Chicago right now. */
function chicagoMinuteOfDay(): number {
  const parts = new Intl.DateTimeFormat("en-US", {
    timeZone: "America/Chicago",
    hourCycle: "h23",
    hour: "numeric",
    minute: "numeric",
  }).formatToParts(new Date());
  const part = (type: string) => Number(parts.find((p) => p.type === type)?.value ?? 0);
  return part("hour") * 60 + part("minute");
}

const hhmm = (minuteOfDay: number) => {
  const m = ((minuteOfDay % 1440) + 1440) % 1440;
  return `${String(Math.floor(m / 60)).padStart(2, "0")}:${String(m % 60).padStart(2, "0")}`;
};

/** Retries `attempt` for up to 15 s: location and search learn of changes from the event bus a moment later. */

interface Listing {
  totalCount: number;
  edges: { node: { id: string; openNow: boolean } }[];
}

/**
 * "Open now" means the same everywhere: the vendor page (`Vendor.openNow`, marketplace), the map
 * (`nearbyVendors`, location) and search (`searchVendors`, marketplace's index), by the live status
 * and the vendor's hours in its own time zone.
 */
describe("open now, by status and opening hours, across subgraphs", () => {
  let stack: Stack;
  let owner: SignedUp;
  let openId: string;
  let closedId: string;
  const api = <T>(
    query: string,
    variables: Record<string, unknown> = {},
    headers: Record<string, string> = {},
  ) => postGraphQL<T>(`${stack.urls.router}/graphql`, query, variables, headers);
  const data = async <T>(
    query: string,
    variables: Record<string, unknown>,
    headers: Record<string, string> = {},
  ) => {
    const response: GraphQLResponse<T> = await api<T>(query, variables, headers);
    expect(response.errors, query).toBeUndefined();
    return response.data as T;
  };
  const ids = (listing: Listing) => listing.edges.map((edge) => edge.node.id).sort();

  async function vendor(
    name: string,
    weeklyHours: ReturnType<typeof everyDay>,
    north: number,
  ): Promise<string> {
    const { createVendor } = await data<{ createVendor: { id: string } }>(
      `mutation ($input: CreateVendorInput!) { createVendor(input: $input) { id } }`,
      { input: { name, cuisines: ["tacos"], status: "OPEN" } },
      owner.headers,
    );
    await data(
      `mutation ($input: SetVendorScheduleInput!) { setVendorSchedule(input: $input) { id } }`,
      { input: { vendorId: createVendor.id, timeZone: "America/Chicago", weeklyHours } },
      owner.headers,
    );
    await verifyVendor(stack, createVendor.id);
    const reported = await eventually(
      () =>
        api(
          `mutation ($input: UpdateVendorLocationInput!) { updateVendorLocation(input: $input) { isLive } }`,
          { input: { vendorId: createVendor.id, lat: DOWNTOWN.lat + north, lng: DOWNTOWN.lng } },
          owner.headers,
        ),
      (response) => !response.errors,
    );
    expect(reported.errors).toBeUndefined();
    return createVendor.id;
  }

  beforeAll(async () => {
    stack = await startStack();
    owner = await stack.signUp("Rosa", ["VENDOR"]);
    openId = await vendor("Zephyr Sunrise Cart", everyDay("00:00", "24:00"), 0.001);
    // Open one hour a day, an hour that ended two hours ago (Chicago time): closed now, though OPEN.
    const now = chicagoMinuteOfDay();
    closedId = await vendor("Zephyr Moonlight Cart", everyDay(hhmm(now - 180), hhmm(now - 120)), 0.0015);
    await untilListed(stack, DOWNTOWN, 1000, [openId, closedId]);
  });
  afterAll(() => stack?.close());

  it("lists only the vendor in its hours among nearby vendors open now, counts included", async () => {
    const query = `query ($near: GeoPointInput!, $filter: NearbyVendorsFilter) {
      nearbyVendors(near: $near, radiusMeters: 1000, filter: $filter) { totalCount edges { node { id openNow } } } }`;
    const all = await data<{ nearbyVendors: Listing }>(query, { near: DOWNTOWN });
    expect(ids(all.nearbyVendors)).toEqual([openId, closedId].sort());
    // Until location has the hours, the closed vendor is still listed by its status alone.
    const open = await eventually(
      () => data<{ nearbyVendors: Listing }>(query, { near: DOWNTOWN, filter: { openNow: true } }),
      (result) => !ids(result.nearbyVendors).includes(closedId),
    );
    expect(open.nearbyVendors).toEqual({ totalCount: 1, edges: [{ node: { id: openId, openNow: true } }] });
  });

  it("finds only the vendor in its hours when searching for vendors open now", async () => {
    const query = `query ($filter: SearchVendorsFilter) {
      searchVendors(query: "zephyr", near: { lat: 30.2672, lng: -97.7431 }, filter: $filter) {
        totalCount edges { node { id openNow } } } }`;
    const all = await eventually(
      () => data<{ searchVendors: Listing }>(query, {}),
      (result) => result.searchVendors.totalCount === 2,
    );
    expect(ids(all.searchVendors)).toEqual([openId, closedId].sort());
    const open = await eventually(
      () => data<{ searchVendors: Listing }>(query, { filter: { openNow: true } }),
      (result) => !ids(result.searchVendors).includes(closedId),
    );
    expect(open.searchVendors).toEqual({ totalCount: 1, edges: [{ node: { id: openId, openNow: true } }] });
  });

  it("agrees with each vendor's own openNow", async () => {
    const query = `query ($open: ID!, $closed: ID!) {
      open: vendor(id: $open) { openNow status schedule { timeZone } }
      closed: vendor(id: $closed) { openNow status nextOpening } }`;
    const result = await data<{
      open: { openNow: boolean; status: string };
      closed: { openNow: boolean; status: string; nextOpening: string | null };
    }>(query, { open: openId, closed: closedId });
    expect(result.open).toEqual({ openNow: true, status: "OPEN", schedule: { timeZone: "America/Chicago" } });
    expect(result.closed).toMatchObject({ openNow: false, status: "OPEN" });
    // Its next opening is about 21 hours away: tomorrow's hour.
    const hoursAway = (Date.parse(result.closed.nextOpening ?? "") - Date.now()) / 3_600_000;
    expect(hoursAway).toBeGreaterThan(19);
    expect(hoursAway).toBeLessThan(23);
  });
});
