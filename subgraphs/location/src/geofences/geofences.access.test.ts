import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { anonymous, partnerViewer, personViewer, type Viewer } from "@venta/auth";
import { destinationPoint } from "@venta/geo";
import { assembleServices } from "@venta/kit";
import { SqliteLiveFeed } from "@venta/live";
import { testLogger } from "@venta/testing";
import { type ExecutionResult, execute, type GraphQLSchema, parse } from "graphql";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { locationContext } from "../context.js";
import { locationModules } from "../modules.js";
import { buildLocationSchema } from "../schema.js";
import { openSqlite } from "../stores.js";
import { MAX_GEOFENCES } from "./geofences.service.js";

const AUSTIN = { lat: 30.2672, lng: -97.7431 };
const CREATE = `mutation ($input: CreateGeofenceInput!) {
  createGeofence(input: $input) { id kind name roaming circle { radiusMeters center { lat lng } } polygon { lat }
    vendor { id } vendorsInside { edges { node { id } } } } }`;
const UPDATE = `mutation ($input: UpdateGeofenceInput!) { updateGeofence(input: $input) { id name } }`;
const DELETE = `mutation ($id: ID!) { deleteGeofence(id: $id) }`;
const GET = `query ($id: ID!) { geofence(id: $id) { id name } }`;
const MINE = `query { myGeofences(first: 100) { totalCount edges { node { id kind } } } }`;
const VENDOR_ZONES = `query ($id: ID!) { _entities(representations: [{ __typename: "Vendor", id: $id }]) {
  ... on Vendor { geofences { totalCount edges { node { id } } } } } }`;
const MOVE_ME = `mutation ($location: GeoPointInput!) {
  updateMyLocation(location: $location) { id circle { center { lat lng } } vendorsInside { edges { node { id } } } } }`;
const REPORT = `mutation ($input: UpdateVendorLocationInput!) { updateVendorLocation(input: $input) { isLive } }`;

const customer = personViewer("customer-1", ["CUSTOMER"]);
const otherCustomer = personViewer("customer-2", ["CUSTOMER"]);
const owner = personViewer("owner-1", ["VENDOR"]);
const otherOwner = personViewer("owner-2", ["VENDOR"]);
const admin = personViewer("admin-1", ["ADMIN"]);
const partner = partnerViewer({ keyId: "k", name: "Eat Map", scopes: ["READ"] });

const alertZone = (extra: Record<string, unknown> = {}) => ({
  kind: "ALERT_ZONE",
  name: "Home",
  area: { circle: { center: AUSTIN, radiusMeters: 500 } },
  ...extra,
});
const pitch = (vendorId: string, extra: Record<string, unknown> = {}) => ({
  kind: "VENDOR_ZONE",
  vendorId,
  name: "Saturday market",
  area: {
    polygon: [
      AUSTIN,
      destinationPoint(AUSTIN, 90, 300),
      destinationPoint(destinationPoint(AUSTIN, 90, 300), 0, 300),
      destinationPoint(AUSTIN, 0, 300),
    ],
  },
  ...extra,
});

describe("geofences through GraphQL", () => {
  let schema: GraphQLSchema;
  let stores: ReturnType<typeof openSqlite>;
  let feed: SqliteLiveFeed;
  let context: ReturnType<typeof locationContext>;

  beforeAll(async () => {
    schema = await buildLocationSchema();
    stores = openSqlite(":memory:");
    feed = new SqliteLiveFeed(join(mkdtempSync(join(tmpdir(), "venta-live-")), "live.db"), 5);
    context = locationContext(
      locationModules,
      assembleServices(locationModules, stores, { feed, liveWindowSeconds: 120, now: () => new Date() }),
    );
    for (const [vendorId, ownerId] of [
      ["cart-1", "owner-1"],
      ["cart-2", "owner-2"],
    ] as const)
      await stores.positions.applyVendor({
        vendorId,
        ownerId,
        cuisines: ["tacos"],
        isOpen: true,
        version: 1,
      });
  });
  afterAll(async () => {
    await feed.close();
    await stores.close();
  });

  const call = async (query: string, variables: Record<string, unknown>, viewer: Viewer) =>
    (await execute({
      schema,
      document: parse(query),
      variableValues: variables,
      contextValue: context({ requestId: "test", log: testLogger, viewer }),
    })) as ExecutionResult<Record<string, unknown>>;
  /** The error code of the answer, or "allowed". */
  const run = async (query: string, variables: Record<string, unknown>, viewer: Viewer) =>
    String((await call(query, variables, viewer)).errors?.[0]?.extensions?.code ?? "allowed");
  const created = async (input: Record<string, unknown>, viewer: Viewer) => {
    const result = await call(CREATE, { input }, viewer);
    expect(result.errors).toBeUndefined();
    return result.data?.createGeofence as {
      id: string;
      vendorsInside: { edges: { node: { id: string } }[] };
    };
  };

  it.each<[string, Viewer, string]>([
    ["anonymous", anonymous, "UNAUTHENTICATED"],
    ["a partner key", partner, "FORBIDDEN"],
    ["a customer", customer, "allowed"],
    ["a vendor owner", owner, "allowed"],
  ])("createGeofence(ALERT_ZONE) by %s: %s", async (_who, viewer, expected) => {
    expect(await run(CREATE, { input: alertZone() }, viewer)).toBe(expected);
  });

  it.each<[string, Viewer, Record<string, unknown>, string]>([
    ["anonymous", anonymous, pitch("cart-1"), "UNAUTHENTICATED"],
    ["a customer", customer, pitch("cart-1"), "FORBIDDEN"],
    ["another vendor's owner", otherOwner, pitch("cart-1"), "FORBIDDEN"],
    ["its owner, for an unknown vendor", owner, pitch("no-such-cart"), "NOT_FOUND"],
    ["its owner", owner, pitch("cart-1"), "allowed"],
    ["an admin", admin, pitch("cart-1"), "allowed"],
  ])("createGeofence(VENDOR_ZONE) by %s: %s", async (_who, viewer, input, expected) => {
    expect(await run(CREATE, { input }, viewer)).toBe(expected);
  });

  it("refuses bad input with BAD_USER_INPUT, writing nothing", async () => {
    const before = await stores.geofences.countByOwner("ALERT_ZONE", "customer-2");
    for (const input of [
      alertZone({ area: {} }),
      alertZone({ area: { circle: { center: AUSTIN, radiusMeters: 60_000 } } }),
      alertZone({ name: "" }),
      alertZone({ vendorId: "cart-1" }),
      alertZone({ area: pitch("cart-1").area, roaming: true }),
      pitch("cart-1", { vendorId: null }),
      {
        ...alertZone(),
        area: {
          polygon: [AUSTIN, { lat: 30.3, lng: -97.7 }, { lat: 30.27, lng: -97.8 }, { lat: 30.3, lng: -97.8 }],
        },
      },
    ])
      expect(await run(CREATE, { input }, otherCustomer)).toBe("BAD_USER_INPUT");
    expect(await run(CREATE, { input: pitch("cart-1", { roaming: true }) }, owner)).toBe("BAD_USER_INPUT");
    expect(await stores.geofences.countByOwner("ALERT_ZONE", "customer-2")).toBe(before);
  });

  it("refuses a deleted person's zone writes and reads with CONFLICT once their account is erased", async () => {
    const gone = personViewer("gone-1", ["CUSTOMER"]);
    const zone = await created(alertZone({ roaming: true }), gone);
    expect(await stores.geofences.erasePerson("gone-1", new Date())).toBe(1);
    const refusals = [
      await call(CREATE, { input: alertZone() }, gone),
      await call(MINE, {}, gone),
      await call(GET, { id: zone.id }, gone),
      await call(MOVE_ME, { location: AUSTIN }, gone),
      await call(UPDATE, { input: { id: zone.id, name: "Back" } }, gone),
      await call(DELETE, { id: zone.id }, gone),
    ];
    for (const result of refusals)
      expect(result.errors?.[0]).toMatchObject({
        message: "this account was deleted",
        extensions: { code: "CONFLICT" },
      });
    expect(await stores.geofences.countByOwner("ALERT_ZONE", "gone-1")).toBe(0);
    // Another person is untouched by it.
    expect(await run(MINE, {}, otherCustomer)).toBe("allowed");
  });

  it("exports a person's alert zones to that person only, never to another or an admin", async () => {
    const EXPORT = `query ($userId: ID!) {
      _entities(representations: [{ __typename: "UserDataExport", userId: $userId }]) {
        ... on UserDataExport { userId alertZones(first: 100) { totalCount edges { node { name roaming } } } } } }`;
    const exporter = personViewer("exporter-1", ["CUSTOMER"]);
    await created(alertZone({ name: "Near the office", roaming: true }), exporter);
    const mine = await call(EXPORT, { userId: "exporter-1" }, exporter);
    expect(mine.errors).toBeUndefined();
    expect(mine.data?._entities).toEqual([
      {
        userId: "exporter-1",
        alertZones: { totalCount: 1, edges: [{ node: { name: "Near the office", roaming: true } }] },
      },
    ]);
    for (const viewer of [otherCustomer, admin]) {
      const theirs = await call(EXPORT, { userId: "exporter-1" }, viewer);
      expect(theirs.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
      expect(JSON.stringify(theirs.data)).not.toContain("Near the office");
    }
  });

  it(`holds a person to ${MAX_GEOFENCES.ALERT_ZONE} alert zones`, async () => {
    const person = personViewer("collector", ["CUSTOMER"]);
    for (let n = 0; n < MAX_GEOFENCES.ALERT_ZONE; n += 1)
      expect(await run(CREATE, { input: alertZone({ name: `zone ${n}` }) }, person)).toBe("allowed");
    expect(await run(CREATE, { input: alertZone() }, person)).toBe("BAD_USER_INPUT");
    expect(await stores.geofences.countByOwner("ALERT_ZONE", "collector")).toBe(MAX_GEOFENCES.ALERT_ZONE);
  });

  it("keeps a person's alert zone to that person (and admins): others find nothing", async () => {
    const { id } = await created(alertZone({ name: "Mine" }), customer);
    expect((await call(GET, { id }, customer)).data?.geofence).toEqual({ id, name: "Mine" });
    expect((await call(GET, { id }, otherCustomer)).data?.geofence).toBeNull();
    expect(await run(UPDATE, { input: { id, name: "Theirs" } }, otherCustomer)).toBe("NOT_FOUND");
    expect(await run(DELETE, { id }, otherCustomer)).toBe("NOT_FOUND");
    expect(await run(UPDATE, { input: { id, name: "Renamed" } }, customer)).toBe("allowed");
    expect((await call(GET, { id }, admin)).data?.geofence).toEqual({ id, name: "Renamed" });
    const mine = (await call(MINE, {}, customer)).data?.myGeofences as { edges: { node: { id: string } }[] };
    expect(mine.edges.map((e) => e.node.id)).toContain(id);
    const theirs = (await call(MINE, {}, otherCustomer)).data?.myGeofences as {
      edges: { node: { id: string } }[];
    };
    expect(theirs.edges.map((e) => e.node.id)).not.toContain(id);
    expect(await run(DELETE, { id }, customer)).toBe("allowed");
    expect((await call(GET, { id }, customer)).data?.geofence).toBeNull();
  });

  it("lets a vendor's owner and admins, and no one else, manage and list its zones", async () => {
    const zone = await created(pitch("cart-2"), otherOwner);
    expect(await run(UPDATE, { input: { id: zone.id, name: "Mine now" } }, owner)).toBe("NOT_FOUND");
    expect(await run(UPDATE, { input: { id: zone.id, name: "Corner" } }, otherOwner)).toBe("allowed");
    expect(await run(VENDOR_ZONES, { id: "cart-2" }, owner)).toBe("FORBIDDEN");
    expect(await run(VENDOR_ZONES, { id: "cart-2" }, anonymous)).toBe("UNAUTHENTICATED");
    const listed = (await call(VENDOR_ZONES, { id: "cart-2" }, otherOwner)).data?._entities as {
      geofences: { totalCount: number; edges: { node: { id: string } }[] };
    }[];
    expect(listed[0]?.geofences.edges.map((e) => e.node.id)).toEqual([zone.id]);
    expect(await run(DELETE, { id: zone.id }, admin)).toBe("allowed");
  });

  it("announces a vendor entering an alert zone through the outbox, and a roaming zone follows its person", async () => {
    const walker = personViewer("walker", ["CUSTOMER"]);
    const nearMe = await created(alertZone({ name: "Near me", roaming: true }), walker);
    const seen = (await stores.outbox.oldest(10_000)).length;
    expect(
      await run(REPORT, { input: { vendorId: "cart-1", ...destinationPoint(AUSTIN, 0, 100) } }, owner),
    ).toBe("allowed");
    const events = (await stores.outbox.oldest(10_000)).slice(seen);
    const crossings = events
      .filter((e) => e.type === "location.geofence_triggered")
      .map((e) => e.payload as { fenceId: string; transition: string; vendorId: string });
    expect(crossings.filter((c) => c.fenceId === nearMe.id)).toEqual([
      expect.objectContaining({ fenceId: nearMe.id, vendorId: "cart-1", transition: "ENTER" }),
    ]);
    expect(events.filter((e) => e.type === "location.vendor_location_updated")).toHaveLength(1);

    const away = destinationPoint(AUSTIN, 180, 5000);
    const moved = await call(MOVE_ME, { location: away }, walker);
    expect(moved.errors).toBeUndefined();
    expect(moved.data?.updateMyLocation).toEqual([
      { id: nearMe.id, circle: { center: away }, vendorsInside: { edges: [] } },
    ]);
    expect((await call(MOVE_ME, { location: AUSTIN }, walker)).data?.updateMyLocation).toEqual([
      { id: nearMe.id, circle: { center: AUSTIN }, vendorsInside: { edges: [{ node: { id: "cart-1" } }] } },
    ]);
    expect((await call(MOVE_ME, { location: AUSTIN }, otherCustomer)).data?.updateMyLocation).toEqual([]);
    expect(await run(MOVE_ME, { location: { lat: 89, lng: 0 } }, walker)).toBe("BAD_USER_INPUT");
    expect(await run(MOVE_ME, { location: AUSTIN }, anonymous)).toBe("UNAUTHENTICATED");
  });
});
