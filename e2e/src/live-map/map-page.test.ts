import { existsSync, mkdirSync } from "node:fs";
import { join } from "node:path";
import { destinationPoint } from "@venta/geo";
import { repoRoot } from "@venta/kit";
import { postGraphQL, type Stack, startStack } from "@venta/testing";
import { type Browser, chromium, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { untilListed, verifyVendor } from "../onboarding/verify-vendor.js";

const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const available = existsSync(CHROMIUM);
if (!available && process.env.CI) throw new Error(`Chromium is required in CI but ${CHROMIUM} is missing`);
if (!available) console.warn(`[skipped] live map page tests: no Chromium at ${CHROMIUM}`);

const DOWNTOWN = { lat: 30.2672, lng: -97.7431 };
const ARTIFACTS = join(repoRoot(), "test-artifacts");

describe.runIf(available)("the live map page, in Chromium", () => {
  let stack: Stack;
  let browser: Browser;
  let page: Page;
  const ids: string[] = [];
  const violations: string[] = [];
  /** The trucks' owner, whose devices report their positions. */
  let owner: Record<string, string>;
  const graphql = (query: string, variables?: Record<string, unknown>) =>
    postGraphQL(`${stack.urls.router}/graphql`, query, variables, owner);
  const move = (vendorId: string, point: { lat: number; lng: number }) =>
    graphql(
      `mutation ($input: UpdateVendorLocationInput!) { updateVendorLocation(input: $input) { isLive } }`,
      {
        input: { vendorId, ...point },
      },
    );
  const markerBox = async (vendorId: string) =>
    page.locator(`.vendor-marker [data-vendor-id="${vendorId}"]`).boundingBox();

  beforeAll(async () => {
    stack = await startStack();
    ({ headers: owner } = await stack.signUp("Map owner", ["VENDOR"]));
    for (let i = 0; i < 6; i += 1) {
      const created = await graphql(
        `mutation ($input: CreateVendorInput!) { createVendor(input: $input) { id } }`,
        {
          input: { name: `Map Truck ${i}`, cuisines: ["tacos"], status: "OPEN" },
        },
      );
      const id = (created.data?.createVendor as { id: string } | undefined)?.id;
      if (!id) throw new Error(`could not create a vendor: ${JSON.stringify(created.errors)}`);
      // The map shows verified vendors only.
      await verifyVendor(stack, id);
      ids.push(id);
    }
    for (const [i, id] of ids.entries()) {
      const point = destinationPoint(DOWNTOWN, i * 60, 80 + i * 40);
      for (let attempt = 0; attempt < 100 && (await move(id, point)).errors; attempt += 1) {
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    }
    await untilListed(stack, DOWNTOWN, 1000, ids);
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
      ],
    });
    page = await browser.newPage({ viewport: { width: 1200, height: 800 } });
    // Chromium reports each thing the page's Content-Security-Policy blocked on the console.
    page.on("console", (message) => {
      if (/Content Security Policy/i.test(message.text())) violations.push(message.text());
    });
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await stack?.close();
  });

  it("loads and shows the vendors in view, with a side list", async () => {
    await page.goto(`${stack.urls.router}/map`);
    await expect
      .poll(() => page.locator(".vendor-marker [data-vendor-id]").count(), { timeout: 10_000 })
      .toBe(ids.length);
    await expect.poll(() => page.locator("#vendors li").count()).toBe(ids.length);
    expect(await page.textContent("#vendors li .name")).toBe("Map Truck 0");
  });

  it("moves a marker on screen when a vendor reports a new position through the router", async () => {
    const vendorId = ids[0] as string;
    const before = await markerBox(vendorId);
    await move(vendorId, destinationPoint(DOWNTOWN, 90, 400));
    await expect
      .poll(async () => ((await markerBox(vendorId))?.x ?? 0) - (before?.x ?? 0), { timeout: 5_000 })
      .toBeGreaterThan(50);
    mkdirSync(ARTIFACTS, { recursive: true });
    await page.screenshot({ path: join(ARTIFACTS, "live-map.png") });
  });

  it("drops the markers that leave the view when the user pans away", async () => {
    const box = await page.locator("#map").boundingBox();
    if (!box) throw new Error("no map on the page");
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await page.mouse.down();
    await page.mouse.move(box.x + 20, box.y + box.height / 2, { steps: 10 });
    await page.mouse.up();
    await page.mouse.move(box.x + box.width - 20, box.y + box.height / 2);
    await page.mouse.down();
    await page.mouse.move(box.x + 20, box.y + box.height / 2, { steps: 10 });
    await page.mouse.up();
    await expect
      .poll(() => page.locator(".vendor-marker [data-vendor-id]").count(), { timeout: 5_000 })
      .toBe(0);
    expect(await page.locator("#vendors li").count()).toBe(0);
  });

  it("runs its scripts, styles, tiles and live socket within its own Content-Security-Policy", async () => {
    const response = await page.goto(`${stack.urls.router}/map`, { waitUntil: "load" });
    expect(response?.headers()["content-security-policy"]).toContain("frame-ancestors 'none'");
    expect(violations).toEqual([]);
    // The vendors come from /graphql over HTTP, their moves over its WebSocket: the policy must allow both.
    await expect
      .poll(() => page.locator(".vendor-marker [data-vendor-id]").count(), { timeout: 10_000 })
      .toBeGreaterThan(0);
    expect(violations).toEqual([]);
  });
});
