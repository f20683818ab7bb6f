import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { anonymous, partnerViewer, personViewer, type Viewer } from "@venta/auth";
import { assembleServices } from "@venta/kit";
import { SqliteLiveFeed } from "@venta/live";
import { testLogger } from "@venta/testing";
import { execute, type GraphQLSchema, parse } from "graphql";
import { beforeAll, describe, expect, it } from "vitest";
import { locationContext } from "../context.js";
import { locationModules } from "../modules.js";
import { buildLocationSchema } from "../schema.js";
import { openSqlite } from "../stores.js";

const ONE = `mutation ($input: UpdateVendorLocationInput!) { updateVendorLocation(input: $input) { point { lat } } }`;
const MANY = `mutation ($inputs: [UpdateVendorLocationInput!]!) { updateVendorLocations(inputs: $inputs) { point { lat } } }`;

describe("who may report a vendor's position", () => {
  let schema: GraphQLSchema;
  let stores: ReturnType<typeof openSqlite>;
  let run: (query: string, variables: Record<string, unknown>, viewer: Viewer) => Promise<string>;
  let lat = 30.26;

  beforeAll(async () => {
    schema = await buildLocationSchema();
    stores = openSqlite(":memory:");
    const feed = new SqliteLiveFeed(join(mkdtempSync(join(tmpdir(), "venta-live-")), "live.db"), 5);
    const context = locationContext(
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
    run = async (query, variables, viewer) => {
      const result = await execute({
        schema,
        document: parse(query),
        variableValues: variables,
        contextValue: context({ requestId: "test", log: testLogger, viewer }),
      });
      return String(result.errors?.[0]?.extensions?.code ?? "allowed");
    };
    return async () => {
      await feed.close();
      await stores.close();
    };
  });

  const currentLat = async (vendorId: string) =>
    (await stores.positions.currentPositions([vendorId]))[0]?.lat ?? null;

  it.each<[string, Viewer, string]>([
    ["anonymous", anonymous, "UNAUTHENTICATED"],
    ["a customer", personViewer("customer-1", ["CUSTOMER"]), "FORBIDDEN"],
    ["a partner key", partnerViewer({ keyId: "k", name: "Eat Map", scopes: ["READ"] }), "FORBIDDEN"],
    ["another vendor's owner", personViewer("owner-2", ["VENDOR"]), "FORBIDDEN"],
    ["its owner", personViewer("owner-1", ["VENDOR"]), "allowed"],
    ["an admin", personViewer("admin-1", ["ADMIN"]), "allowed"],
  ])("updateVendorLocation by %s: %s", async (_who, viewer, expected) => {
    const before = await currentLat("cart-1");
    lat += 0.001;
    expect(await run(ONE, { input: { vendorId: "cart-1", lat, lng: -97.74 } }, viewer)).toBe(expected);
    expect(await currentLat("cart-1")).toBe(expected === "allowed" ? lat : before);
  });

  it("refuses a whole batch holding one vendor of another account, writing none of it", async () => {
    const owner = personViewer("owner-1", ["VENDOR"]);
    const before = [await currentLat("cart-1"), await currentLat("cart-2")];
    const inputs = [
      { vendorId: "cart-1", lat: 30.3, lng: -97.7 },
      { vendorId: "cart-2", lat: 30.3, lng: -97.7 },
    ];
    expect(await run(MANY, { inputs }, owner)).toBe("FORBIDDEN");
    expect([await currentLat("cart-1"), await currentLat("cart-2")]).toEqual(before);
    expect(await run(MANY, { inputs }, personViewer("admin-1", ["ADMIN"]))).toBe("allowed");
    expect(await currentLat("cart-2")).toBe(30.3);
  });
});
