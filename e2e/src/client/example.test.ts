import { execFile } from "node:child_process";
import { join } from "node:path";
import { promisify } from "node:util";
import {
  CreatePartnerKeyDocument,
  CreateVendorDocument,
  UpdateVendorLocationDocument,
  VentaClient,
} from "@venta/client";
import { repoRoot } from "@venta/kit";
import { type Stack, startStack } from "@venta/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { untilListed, verifyVendor } from "../onboarding/verify-vendor.js";

const run = promisify(execFile);

describe("the partner quick start example", () => {
  let stack: Stack;
  beforeAll(async () => {
    stack = await startStack({ env: { TRUSTED_DOCUMENTS: "require" } });
    const owner = await stack.signUp("Quick Start Owner", ["VENDOR"]);
    const client = new VentaClient({
      url: `${stack.urls.router}/graphql`,
      token: owner.headers.authorization?.slice(7) ?? "",
    });
    const { createVendor } = await client.request(CreateVendorDocument, {
      input: { name: "Quick Start Tacos", cuisines: ["tacos"], status: "OPEN" },
    });
    // An admin verifies it, so customers see it. Only the apps' own documents run here, so the
    // admin's review goes with a READ partner key (issued through the admin console's document).
    const admin = new VentaClient({
      url: `${stack.urls.router}/graphql`,
      token: await stack.token("admin-1", ["ADMIN"]),
    });
    const { createPartnerKey } = await admin.request(CreatePartnerKeyDocument, {
      input: { name: "Quick start review", scopes: ["READ"] },
    });
    const reviewKey = { "x-api-key": createPartnerKey.key };
    await verifyVendor(stack, createVendor.id, reviewKey);
    // Location learns of the new vendor from marketplace's events a moment later.
    const deadline = Date.now() + 5_000;
    for (;;) {
      try {
        await client.request(UpdateVendorLocationDocument, {
          input: { vendorId: createVendor.id, lat: 30.2675, lng: -97.7425 },
        });
        break;
      } catch (error) {
        if (Date.now() > deadline) throw error;
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    }
    await untilListed(stack, { lat: 30.2675, lng: -97.7425 }, 100, [createVendor.id], reviewKey);
  });
  afterAll(() => stack?.close());

  it("compiles, runs against the router as a first-party client would, and prints vendors", async () => {
    const { stdout } = await run(process.execPath, [join(repoRoot(), "packages/client/dist/example.js")], {
      env: { ...process.env, VENTA_URL: `${stack.urls.router}/graphql` },
    });
    expect(stdout).toMatch(/^1 vendors selling within 1 km of downtown Austin/);
    expect(stdout).toMatch(/\d+ m {2}Quick Start Tacos \(tacos\)/);
  });

  it("reports a refused key with its code", async () => {
    const failed = await run(process.execPath, [join(repoRoot(), "packages/client/dist/example.js")], {
      env: { ...process.env, VENTA_URL: `${stack.urls.router}/graphql`, VENTA_API_KEY: "vpk_revoked" },
    }).catch((error: { code: number; stderr: string }) => error);
    expect(failed).toMatchObject({ code: 1, stderr: expect.stringMatching(/^UNAUTHENTICATED: /) });
  });
});
