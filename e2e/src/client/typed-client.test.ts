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
import { untilListed, verifyVendor } from "../onboarding/verify-vendor.js";

describe("the generated TypeScript client, against the router", () => {
  let stack: Stack;
  /** Anonymous, as a customer's map is: queries need no token. */
  let client: VentaClient;
  /** Rosa, signed in with her vendor token: her own account, vendor and position reports. */
  let rosa: VentaClient;
  const rosaId = "user-rosa";
  beforeAll(async () => {
    stack = await startStack();
    const url = `${stack.urls.router}/graphql`;
    client = new VentaClient({ url });
    rosa = new VentaClient({ url, token: await stack.token(rosaId, ["VENDOR"]) });
  });
  afterAll(() => stack?.close());

  it("creates a vendor, reports its position and finds it nearby, all typed", async () => {
    const { createUser } = await rosa.request(CreateUserDocument, { input: { displayName: "Rosa" } });
    // The account's id is the token's subject.
    expect(createUser).toEqual({ id: rosaId, displayName: "Rosa" });
    const { createVendor } = await rosa.request(CreateVendorDocument, {
      input: { name: "Rosa's Tamales", cuisines: ["Tamales"], status: "OPEN" },
    });
    expect(createVendor).toMatchObject({ slug: "rosa-s-tamales", cuisines: ["tamales"], status: "OPEN" });
    // Customers see it once an admin has verified it.
    await verifyVendor(stack, createVendor.id);

    const here = { lat: 30.2642, lng: -97.7473 };
    await expect
      .poll(
        async () => {
          try {
            await rosa.request(UpdateVendorLocationDocument, {
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
    await untilListed(stack, here, 100, [createVendor.id]);

    const { nearbyVendors } = await client.request(NearbyVendorsDocument, { near: here, radiusMeters: 100 });
    expect(nearbyVendors.edges.map((e) => e.node.name)).toEqual(["Rosa's Tamales"]);
    const { vendor } = await client.request(VendorDocument, { id: createVendor.id });
    expect(vendor?.owner).toEqual({ id: rosaId, displayName: "Rosa" });
    expect(vendor?.location?.isLive).toBe(true);
  });

  it("throws a typed error carrying the code", async () => {
    const attempt = client.request(NearbyVendorsDocument, { near: { lat: 95, lng: 0 } });
    await expect(attempt).rejects.toBeInstanceOf(VentaRequestError);
    await expect(attempt).rejects.toMatchObject({ code: "BAD_USER_INPUT" });
  });

  it("refuses a mutation from a client without a token, with the code UNAUTHENTICATED", async () => {
    const attempt = client.request(CreateVendorDocument, {
      input: { name: "Nobody's Cart", cuisines: ["tacos"] },
    });
    await expect(attempt).rejects.toBeInstanceOf(VentaRequestError);
    await expect(attempt).rejects.toMatchObject({ code: "UNAUTHENTICATED" });
  });
});
