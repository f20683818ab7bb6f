import { existsSync, mkdirSync } from "node:fs";
import { join } from "node:path";
import { repoRoot } from "@venta/kit";
import { postGraphQL, type Stack, startStack } from "@venta/testing";
import { type Browser, chromium, type Page, type Request } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { verifyVendor } from "../onboarding/verify-vendor.js";

const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const available = existsSync(CHROMIUM);
if (!available && process.env.CI) throw new Error(`Chromium is required in CI but ${CHROMIUM} is missing`);
if (!available) console.warn(`[skipped] schema explorer page tests: no Chromium at ${CHROMIUM}`);

const ARTIFACTS = join(repoRoot(), "test-artifacts");
const VENDOR_NAME = "Explorer Test Truck";
const QUERY = "{ vendors(first: 2) { edges { node { name } } } }";
const SUBSCRIPTION = "subscription { vendorLocationUpdated(near: { lat: 30.2672, lng: -97.7431 }) { kind } }";

interface SentRequest {
  operationName: string | null;
  query: string;
  headers: Record<string, string>;
}

describe.runIf(available)("the schema explorer page, in Chromium", () => {
  let stack: Stack;
  let browser: Browser;
  let page: Page;
  /** A real partner key, issued by an admin through the API: the router refuses unknown ones. */
  let partnerKey: string;
  /** A real person's token, signed by the stack's local issuer: the router refuses forged ones. */
  let bearerToken: string;
  const sent: SentRequest[] = [];
  const problems: string[] = [];
  /** Types over the whole query editor, as a person would select all and paste. */
  const replaceQuery = async (text: string) => {
    await page.locator(".graphiql-query-editor .CodeMirror").click();
    await page.keyboard.press("ControlOrMeta+A");
    await page.keyboard.insertText(text);
    // GraphiQL takes in an edit (and its operation name) after a short debounce, then stores it:
    // running before that would send the previous operation's name.
    await expect
      .poll(() => page.evaluate<string | null>("localStorage.getItem('graphiql:query')"))
      .toBe(text);
  };

  beforeAll(async () => {
    stack = await startStack();
    const graphql = `${stack.urls.router}/graphql`;
    const admin = { authorization: `Bearer ${await stack.token("explorer-admin", ["ADMIN"])}` };
    const issued = await postGraphQL<{ createPartnerKey: { key: string } }>(
      graphql,
      `mutation { createPartnerKey(input: { name: "Explorer test partner", scopes: [READ, SUBSCRIBE, INTROSPECT] }) { key partnerKey { id } } }`,
      {},
      admin,
    );
    const key = issued.data?.createPartnerKey.key;
    if (!key) throw new Error(`could not create a partner key: ${JSON.stringify(issued.errors)}`);
    partnerKey = key;
    bearerToken = await stack.token("explorer-user", ["CUSTOMER"]);
    const owner = await stack.signUp("Explorer owner", ["VENDOR"]);
    const created = await postGraphQL<{ createVendor: { id: string } }>(
      graphql,
      `mutation ($input: CreateVendorInput!) { createVendor(input: $input) { id } }`,
      { input: { name: VENDOR_NAME, cuisines: ["tacos"], status: "OPEN" } },
      owner.headers,
    );
    if (!created.data?.createVendor.id) {
      throw new Error(`could not create a vendor: ${JSON.stringify(created.errors)}`);
    }
    // The partner key lists verified vendors only.
    await verifyVendor(stack, created.data.createVendor.id);
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
    page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    page.on("pageerror", (error) => problems.push(`page error: ${error.message}`));
    page.on("console", (message) => {
      if (message.type() === "error") problems.push(`console error: ${message.text()}`);
    });
    page.on("request", (request: Request) => {
      if (new URL(request.url()).pathname !== "/graphql" || request.method() !== "POST") return;
      void request.allHeaders().then((headers) => {
        const body = (request.postDataJSON() ?? {}) as { operationName?: string | null; query?: string };
        sent.push({ operationName: body.operationName ?? null, query: body.query ?? "", headers });
      });
    });
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await stack?.close();
  });

  it("loads GraphiQL from the router and introspects the schema", async () => {
    const response = await page.goto(`${stack.urls.router}/explorer`);
    expect(response?.status()).toBe(200);
    await page.locator(".graphiql-query-editor .CodeMirror").waitFor({ timeout: 15_000 });
    await expect
      .poll(() => sent.filter((r) => r.operationName === "IntrospectionQuery").length, { timeout: 10_000 })
      .toBeGreaterThan(0);
    expect(await page.locator(".graphiql-query-editor").textContent()).toContain("nearbyVendors");
  });

  it("shows the schema's descriptions in the docs pane", async () => {
    await page.getByRole("button", { name: "Show Documentation Explorer" }).click();
    await page.locator(".graphiql-doc-explorer").getByText("Query", { exact: true }).first().click();
    await expect
      .poll(() => page.locator(".graphiql-doc-explorer").textContent(), { timeout: 5_000 })
      .toContain("Vendors within");
  });

  it("sends the partner key typed above the editor as X-Api-Key, introspection included", async () => {
    await page.locator("#partner-key").fill(partnerKey);
    await expect
      .poll(
        () =>
          sent.some((r) => r.operationName === "IntrospectionQuery" && r.headers["x-api-key"] === partnerKey),
        { timeout: 5_000 },
      )
      .toBe(true);
  });

  it("runs a query typed into the editor and shows the result", async () => {
    await replaceQuery(QUERY);
    await page.locator(".graphiql-execute-button").click();
    await expect
      .poll(() => page.locator(".graphiql-response").textContent(), { timeout: 10_000 })
      .toContain(VENDOR_NAME);
    const request = sent.find((r) => r.query.includes("vendors(first: 2)"));
    expect(request?.headers["x-api-key"]).toBe(partnerKey);
    expect(request?.headers["content-type"]).toContain("application/json");
    mkdirSync(ARTIFACTS, { recursive: true });
    await page.screenshot({ path: join(ARTIFACTS, "explorer.png") });
  });

  it("runs subscriptions over graphql-ws with the partner key in connection_init", async () => {
    const frames: { sent: unknown[]; received: unknown[] } = { sent: [], received: [] };
    page.on("websocket", (socket) => {
      socket.on("framesent", ({ payload }) => frames.sent.push(JSON.parse(String(payload))));
      socket.on("framereceived", ({ payload }) => frames.received.push(JSON.parse(String(payload))));
    });
    await replaceQuery(SUBSCRIPTION);
    await page.locator(".graphiql-execute-button").click();
    await expect
      .poll(() => frames.sent.map((frame) => (frame as { type: string }).type), { timeout: 5_000 })
      .toEqual(["connection_init", "subscribe"]);
    expect(frames.sent[0]).toEqual({ type: "connection_init", payload: { apiKey: partnerKey } });
    await expect.poll(() => frames.received).toContainEqual({ type: "connection_ack" });
    await page.locator(".graphiql-execute-button").click(); // now the stop button
    await expect
      .poll(() => frames.sent.map((frame) => (frame as { type: string }).type))
      .toContain("complete");
  });

  it("remembers the partner key across reloads", async () => {
    await page.reload();
    await page.locator(".graphiql-query-editor .CodeMirror").waitFor({ timeout: 15_000 });
    expect(await page.locator("#partner-key").inputValue()).toBe(partnerKey);
  });

  it("sends the bearer token as Authorization, with or without the Bearer prefix pasted", async () => {
    await page.locator("#bearer-token").fill(`Bearer ${bearerToken}`);
    await expect
      .poll(
        () =>
          sent.some(
            (r) =>
              r.operationName === "IntrospectionQuery" &&
              r.headers.authorization === `Bearer ${bearerToken}` &&
              r.headers["x-api-key"] === partnerKey,
          ),
        { timeout: 5_000 },
      )
      .toBe(true);
    await page.locator("#bearer-token").fill("");
  });

  it("loads without script errors or blocked resources", () => {
    expect(problems).toEqual([]);
  });
});
