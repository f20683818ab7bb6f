import {
  CreateUserDocument,
  CreateVendorDocument,
  NearbyVendorsDocument,
  UpdateVendorLocationDocument,
  VendorDocument,
  VentaClient,
  VentaRequestError,
} from "@venta/client";
import { type Stack, startStack } from "@venta/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

describe("the generated TypeScript client, against the router", () => {
  let stack: Stack;
  let client: VentaClient;
  beforeAll(async () => {
    stack = await startStack();
    client = new VentaClient({ url: `${stack.urls.router}/graphql` });
  });
  afterAll(() => stack?.close());

  it("creates a vendor, reports its position and finds it nearby, all typed", async () => {
    const { createUser } = await client.request(CreateUserDocument, { input: { displayName: "Rosa" } });
    const { createVendor } = await client.request(CreateVendorDocument, {
      input: { name: "Rosa's Tamales", cuisines: ["Tamales"], ownerId: createUser.id, status: "OPEN" },
    });
    expect(createVendor).toMatchObject({ slug: "rosa-s-tamales", cuisines: ["tamales"], status: "OPEN" });

    const here = { lat: 30.2642, lng: -97.7473 };
    await expect
      .poll(
        async () => {
          try {
            await client.request(UpdateVendorLocationDocument, {
              input: { vendorId: createVendor.id, ...here },
            });
            return "accepted";
          } catch (error) {
            return error instanceof VentaRequestError ? error.code : "failed";
          }
        },
        { timeout: 5_000 },
      )
      .toBe("accepted");

    const { nearbyVendors } = await client.request(NearbyVendorsDocument, { near: here, radiusMeters: 100 });
    expect(nearbyVendors.edges.map((e) => e.node.name)).toEqual(["Rosa's Tamales"]);
    const { vendor } = await client.request(VendorDocument, { id: createVendor.id });
    expect(vendor?.owner.displayName).toBe("Rosa");
    expect(vendor?.location?.isLive).toBe(true);
  });

  it("throws a typed error carrying the code", async () => {
    const attempt = client.request(NearbyVendorsDocument, { near: { lat: 95, lng: 0 } });
    await expect(attempt).rejects.toBeInstanceOf(VentaRequestError);
    await expect(attempt).rejects.toMatchObject({ code: "BAD_USER_INPUT" });
  });
});
