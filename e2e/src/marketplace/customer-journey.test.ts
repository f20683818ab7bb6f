import {
  eventually,
  type GraphQLResponse,
  postGraphQL,
  type SignedUp,
  type Stack,
  startStack,
} from "@venta/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { verifyVendor } from "../onboarding/verify-vendor.js";

const DOWNTOWN = { lat: 30.2672, lng: -97.7431 };
const ALL_DAY = ["MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY", "SATURDAY", "SUNDAY"].map(
  (weekday) => ({
    weekday,
    intervals: [{ opens: "00:00", closes: "24:00" }],
  }),
);

/** Retries `attempt` for up to 10 s: other modules learn of changes from the event bus a moment later. */

/** The marketplace as a customer meets it, through the router: find, open, review, favorite, earn, redeem. */
describe("a customer's journey through the marketplace", () => {
  let stack: Stack;
  let owner: SignedUp;
  let customer: SignedUp;
  let vendorId: string;
  let rewardId: string;
  const api = async <T = Record<string, unknown>>(
    query: string,
    variables: Record<string, unknown> = {},
    headers: Record<string, string> = {},
  ): Promise<GraphQLResponse<T>> => {
    const response = await postGraphQL<T>(`${stack.urls.router}/graphql`, query, variables, headers);
    return response;
  };
  const data = async <T>(
    query: string,
    variables: Record<string, unknown>,
    headers: Record<string, string>,
  ) => {
    const response = await api<T>(query, variables, headers);
    expect(response.errors, query).toBeUndefined();
    return response.data as T;
  };

  beforeAll(async () => {
    // The check-in below is retried until marketplace has heard the truck's position, and every
    // attempt counts against the hourly check-in limit: room for a slow event bus.
    stack = await startStack({ serviceEnv: { marketplace: { CHECK_IN_LIMIT_PER_HOUR: "1000" } } });
    owner = await stack.signUp("Lupe", ["VENDOR"]);
    customer = await stack.signUp("Casey", ["CUSTOMER"]);
    const { createVendor } = await data<{ createVendor: { id: string } }>(
      `mutation ($input: CreateVendorInput!) { createVendor(input: $input) { id } }`,
      {
        input: {
          name: "Lupe's Taco Truck",
          cuisines: ["tacos", "tex-mex"],
          description: "Tacos al pastor off the spit",
          status: "OPEN",
        },
      },
      owner.headers,
    );
    vendorId = createVendor.id;
    const { createMenuCategory } = await data<{ createMenuCategory: { id: string } }>(
      `mutation ($input: CreateMenuCategoryInput!) { createMenuCategory(input: $input) { id } }`,
      { input: { vendorId, name: "Tacos" } },
      owner.headers,
    );
    await data(
      `mutation ($input: CreateMenuItemInput!) { createMenuItem(input: $input) { id } }`,
      {
        input: {
          categoryId: createMenuCategory.id,
          name: "Al pastor",
          priceMinor: 350,
          currency: "USD",
          dietaryTags: ["SPICY"],
        },
      },
      owner.headers,
    );
    await data(
      `mutation ($input: SetVendorScheduleInput!) { setVendorSchedule(input: $input) { id } }`,
      { input: { vendorId, timeZone: "America/Chicago", weeklyHours: ALL_DAY } },
      owner.headers,
    );
    const { configureLoyaltyProgram } = await data<{
      configureLoyaltyProgram: { rewards: { id: string }[] };
    }>(
      `mutation ($vendorId: ID!, $input: ConfigureLoyaltyProgramInput!) {
        configureLoyaltyProgram(vendorId: $vendorId, input: $input) { rewards { id } } }`,
      {
        vendorId,
        input: {
          pointsPerCheckIn: 50,
          pointsPerReview: 0,
          pointsPerPurchaseUnit: 0,
          tiers: [{ name: "REGULAR", threshold: 0 }],
          rewards: [{ name: "Free taco", costPoints: 40 }],
        },
      },
      owner.headers,
    );
    rewardId = configureLoyaltyProgram.rewards[0]?.id as string;
    await verifyVendor(stack, vendorId);
    await eventually(
      () =>
        api(
          `mutation ($input: UpdateVendorLocationInput!) { updateVendorLocation(input: $input) { isLive } }`,
          { input: { vendorId, lat: DOWNTOWN.lat + 0.001, lng: DOWNTOWN.lng } },
          owner.headers,
        ),
      (response) => !response.errors,
    );
  });
  afterAll(() => stack?.close());

  it("finds the truck by a partly typed word near downtown", async () => {
    const search = await eventually(
      () =>
        data<{
          searchVendors: { totalCount: number; edges: { node: { id: string }; distanceMeters: number }[] };
        }>(
          `query ($near: GeoPointInput!) { searchVendors(query: "tac", near: $near, radiusMeters: 2000) {
            totalCount edges { node { id } distanceMeters score } } }`,
          { near: DOWNTOWN },
          {},
        ),
      (result) =>
        result.searchVendors.totalCount > 0 && result.searchVendors.edges[0]?.distanceMeters !== null,
    );
    expect(search.searchVendors.edges[0]?.node.id).toBe(vendorId);
    expect(search.searchVendors.edges[0]?.distanceMeters).toBeGreaterThan(100);
    expect(search.searchVendors.edges[0]?.distanceMeters).toBeLessThan(120);
  });

  it("opens the vendor with its menu, hours, open status, rating and position in one query", async () => {
    const { vendor } = await data<{ vendor: Record<string, unknown> }>(
      `query ($id: ID!) { vendor(id: $id) {
        name openNow schedule { timeZone }
        menu { categories { name items { name priceMinor currency dietaryTags available } } }
        rating { average count } location { isLive } } }`,
      { id: vendorId },
      {},
    );
    expect(vendor).toEqual({
      name: "Lupe's Taco Truck",
      openNow: true,
      schedule: { timeZone: "America/Chicago" },
      menu: {
        categories: [
          {
            name: "Tacos",
            items: [
              {
                name: "Al pastor",
                priceMinor: 350,
                currency: "USD",
                dietaryTags: ["SPICY"],
                available: true,
              },
            ],
          },
        ],
      },
      rating: { average: null, count: 0 },
      location: { isLive: true },
    });
  });

  it("moves the rating when the customer reviews it", async () => {
    await data(
      `mutation ($input: SubmitReviewInput!) { submitReview(input: $input) { status } }`,
      { input: { vendorId, rating: 5, text: "Best al pastor in town" } },
      customer.headers,
    );
    const { vendor } = await data<{ vendor: { rating: unknown } }>(
      `query ($id: ID!) { vendor(id: $id) { rating { average count distribution { stars count } } } }`,
      { id: vendorId },
      {},
    );
    expect(vendor.rating).toMatchObject({ average: 5, count: 1 });
    const bad = await api(
      `mutation ($input: SubmitReviewInput!) { submitReview(input: $input) { status } }`,
      { input: { vendorId, rating: 6, text: "Too good" } },
      customer.headers,
    );
    expect(bad.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
  });

  it("keeps the vendor among the customer's favorites", async () => {
    await data(
      `mutation ($id: ID!) { addFavorite(vendorId: $id) { id } }`,
      { id: vendorId },
      customer.headers,
    );
    await data(
      `mutation ($id: ID!) { addFavorite(vendorId: $id) { id } }`,
      { id: vendorId },
      customer.headers,
    );
    const { me, vendor } = await data<{
      me: { favoriteVendors: { edges: { node: { id: string } }[] } };
      vendor: { isFavorite: boolean; favoritesCount: number };
    }>(
      `query ($id: ID!) { me { favoriteVendors { edges { node { id } } } } vendor(id: $id) { isFavorite favoritesCount } }`,
      { id: vendorId },
      customer.headers,
    );
    expect(me.favoriteVendors.edges.map((edge) => edge.node.id)).toEqual([vendorId]);
    expect(vendor).toEqual({ isFavorite: true, favoritesCount: 1 });
  });

  it("earns points by checking in at the truck and redeems them once", async () => {
    const checkIn = await eventually(
      () =>
        data<{ checkIn: { outcome: string; pointsEarned: number } }>(
          `mutation ($id: ID!, $lat: Float!, $lng: Float!) { checkIn(vendorId: $id, lat: $lat, lng: $lng) { outcome pointsEarned } }`,
          { id: vendorId, lat: DOWNTOWN.lat + 0.0012, lng: DOWNTOWN.lng },
          customer.headers,
        ),
      (result) => result.checkIn.outcome !== "VENDOR_NOT_LIVE",
    );
    expect(checkIn.checkIn).toEqual({ outcome: "EARNED", pointsEarned: 50 });
    const redeemed = await data<{ redeemReward: { balance: { points: number } } }>(
      `mutation ($id: ID!) { redeemReward(rewardId: $id) { balance { points } } }`,
      { id: rewardId },
      customer.headers,
    );
    expect(redeemed.redeemReward.balance.points).toBe(10);
    const again = await api(
      `mutation ($id: ID!) { redeemReward(rewardId: $id) { balance { points } } }`,
      { id: rewardId },
      customer.headers,
    );
    expect(again.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
  });
});
