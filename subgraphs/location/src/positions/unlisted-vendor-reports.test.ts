import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { personViewer } from "@venta/auth";
import { assembleServices } from "@venta/kit";
import { type LiveUpdate, SqliteLiveFeed } from "@venta/live";
import { testLogger } from "@venta/testing";
import { execute, type GraphQLSchema, parse } from "graphql";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { locationContext } from "../context.js";
import { locationModules } from "../modules.js";
import { buildLocationSchema } from "../schema.js";
import { openSqlite } from "../stores.js";

const MANY = `mutation ($inputs: [UpdateVendorLocationInput!]!) { updateVendorLocations(inputs: $inputs) { point { lat } } }`;

describe("position reports of a vendor not yet verified", () => {
  let schema: GraphQLSchema;
  let stores: ReturnType<typeof openSqlite>;
  let feed: SqliteLiveFeed;
  const published: LiveUpdate[] = [];
  let context: ReturnType<typeof locationContext>;

  beforeAll(async () => {
    schema = await buildLocationSchema();
    stores = openSqlite(":memory:");
    feed = new SqliteLiveFeed(join(mkdtempSync(join(tmpdir(), "venta-live-")), "live.db"), 5);
    const publish = feed.publish.bind(feed);
    feed.publish = async (updates) => {
      published.push(...updates);
      return publish(updates);
    };
    context = locationContext(
      locationModules,
      assembleServices(locationModules, stores, { feed, liveWindowSeconds: 120, now: () => new Date() }),
    );
    const attributes = { ownerId: "owner-1", cuisines: ["tacos"], isOpen: true, version: 1 };
    await stores.positions.applyVendor({ vendorId: "new-cart", ...attributes, verified: false });
    await stores.positions.applyVendor({ vendorId: "listed-cart", ...attributes, verified: true });
  });
  afterAll(async () => {
    await feed.close();
    await stores.close();
  });

  it("are accepted from its owner, but only a listed vendor's moves go to live maps", async () => {
    const result = await execute({
      schema,
      document: parse(MANY),
      variableValues: {
        inputs: [
          { vendorId: "new-cart", lat: 30.2672, lng: -97.7431 },
          { vendorId: "listed-cart", lat: 30.2673, lng: -97.7431 },
        ],
      },
      contextValue: context({
        requestId: "test",
        log: testLogger,
        viewer: personViewer("owner-1", ["VENDOR"]),
      }),
    });
    expect(result.errors).toBeUndefined();
    expect((await stores.positions.currentPositions(["new-cart"]))[0]?.lat).toBe(30.2672);
    expect(published.map((update) => update.vendorId)).toEqual(["listed-cart"]);
    const nearby = await stores.positions.nearby({
      center: { lat: 30.2672, lng: -97.7431 },
      radiusMeters: 100,
      first: 5,
      filter: {},
    });
    expect(nearby.hits.map((hit) => hit.position.vendorId)).toEqual(["listed-cart"]);
  });
});
