import { postGraphQL, type SignedUp, type Stack, startStack } from "@venta/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { liveClient } from "../live-map/live-client.js";
import { verifyVendor } from "../onboarding/verify-vendor.js";
import { failedFetches, metric } from "./metrics.js";
import { readiness, readinessBecomes } from "./readiness.js";

/** Short, so a hung subgraph costs the drill little; the assertions are relative to it. */
const SUBGRAPH_TIMEOUT_MS = 1_500;
const POINT = { lat: 30.2672, lng: -97.7431 };
const VENDOR = `query ($id: ID!) { vendor(id: $id) { name location { point { lat } } } }`;

interface VendorAnswer {
  vendor: { name: string; location: { point: { lat: number } } | null } | null;
}

describe("fault drills: subgraphs killed or hung, the router stopped under load", () => {
  let stack: Stack;
  let owner: SignedUp;
  let vendorId: string;
  const ask = () => postGraphQL<VendorAnswer>(`${stack.urls.router}/graphql`, VENDOR, { id: vendorId });

  beforeAll(async () => {
    stack = await startStack({ env: { SUBGRAPH_TIMEOUT_MS: String(SUBGRAPH_TIMEOUT_MS) } });
    owner = await stack.signUp("Inés", ["VENDOR"]);
    const created = await postGraphQL<{ createVendor: { id: string } }>(
      `${stack.urls.router}/graphql`,
      `mutation ($input: CreateVendorInput!) { createVendor(input: $input) { id } }`,
      { input: { name: "Drill Tamales", cuisines: ["mexican"], status: "OPEN" } },
      owner.headers,
    );
    vendorId = created.data?.createVendor.id as string;
    if (!vendorId) throw new Error(`could not create a vendor: ${JSON.stringify(created.errors)}`);
    await verifyVendor(stack, vendorId);
    // Location learns of the vendor from marketplace's event, a moment after it is created.
    const move = `mutation ($input: UpdateVendorLocationInput!) { updateVendorLocation(input: $input) { isLive } }`;
    for (let attempt = 0; attempt < 100; attempt += 1) {
      const moved = await postGraphQL(
        `${stack.urls.router}/graphql`,
        move,
        { input: { vendorId, ...POINT } },
        owner.headers,
      );
      if (!moved.errors) break;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    const full = await ask();
    expect(full.errors).toBeUndefined();
    expect(full.data?.vendor?.location?.point.lat).toBeCloseTo(POINT.lat, 9);
  }, 60_000);

  afterAll(async () => {
    await stack?.close();
  });

  it("a subgraph killed: partial data with errors for its fields and the router not ready, then full once restarted", async () => {
    expect(await readiness(stack.urls.router)).toBe(200);
    const failedBefore = await failedFetches(stack, "location");
    expect(await stack.kill("location", "SIGKILL")).toBe("SIGKILL");
    try {
      const partial = await ask();
      // The router's metrics saw the fetch to location fail.
      expect(await failedFetches(stack, "location")).toBeGreaterThan(failedBefore);
      expect(partial.data?.vendor).toEqual({ name: "Drill Tamales", location: null });
      expect(partial.errors?.[0]?.extensions).toMatchObject({
        code: "SERVICE_UNAVAILABLE",
        service: "location",
      });
      expect(await readinessBecomes(stack.urls.router, 503)).toBe(503);
      const health = await fetch(`${stack.urls.router}/health`);
      expect(health.status).toBe(503);
      expect(await health.json()).toMatchObject({
        status: "degraded",
        subgraphs: { location: { status: "down" } },
      });
      // The router itself is alive: restarting it would not help.
      expect((await fetch(`${stack.urls.router}/health/live`)).status).toBe(200);
    } finally {
      await stack.start("location");
    }
    expect(await readiness(stack.urls.location)).toBe(200);
    expect(await readinessBecomes(stack.urls.router, 200)).toBe(200);
    const full = await ask();
    expect(full.errors).toBeUndefined();
    expect(full.data?.vendor?.location?.point.lat).toBeCloseTo(POINT.lat, 9);
  });

  it("a subgraph hung: the answer comes within SUBGRAPH_TIMEOUT_MS with the other subgraphs' fields intact", async () => {
    const failedBefore = await failedFetches(stack, "location");
    stack.signal("location", "SIGSTOP");
    try {
      const started = performance.now();
      const partial = await ask();
      const took = performance.now() - started;
      // The timed-out fetch is counted as failed.
      expect(await failedFetches(stack, "location")).toBeGreaterThan(failedBefore);
      expect(took).toBeGreaterThanOrEqual(SUBGRAPH_TIMEOUT_MS - 100);
      expect(took).toBeLessThan(SUBGRAPH_TIMEOUT_MS + 1_500);
      expect(partial.data?.vendor).toEqual({ name: "Drill Tamales", location: null });
      expect(partial.errors?.[0]?.extensions).toMatchObject({
        code: "SERVICE_UNAVAILABLE",
        service: "location",
      });
      // A marketplace-only query does not wait for the hung subgraph at all.
      const quick = performance.now();
      const named = await postGraphQL<{ vendor: { name: string } }>(
        `${stack.urls.router}/graphql`,
        `query ($id: ID!) { vendor(id: $id) { name } }`,
        { id: vendorId },
      );
      expect(named.errors).toBeUndefined();
      expect(named.data?.vendor.name).toBe("Drill Tamales");
      expect(performance.now() - quick).toBeLessThan(SUBGRAPH_TIMEOUT_MS);
      expect(await readinessBecomes(stack.urls.router, 503)).toBe(503);
    } finally {
      stack.signal("location", "SIGCONT");
    }
    expect(await readinessBecomes(stack.urls.router, 200)).toBe(200);
    const full = await ask();
    expect(full.errors).toBeUndefined();
    expect(full.data?.vendor?.location?.point.lat).toBeCloseTo(POINT.lat, 9);
  });

  it("the router sent SIGTERM: in-flight requests answered, sockets closed so clients reconnect elsewhere, never ready again", async () => {
    const router = stack.urls.router;
    const client = liveClient(router);
    const closed = new Promise<number>((resolve) =>
      client.on("closed", (event) => resolve((event as { code: number }).code)),
    );
    const connected = new Promise<void>((resolve) => client.on("connected", () => resolve()));
    const stopSubscription = client.subscribe(
      {
        query: `subscription ($near: GeoPointInput!) { vendorLocationUpdated(near: $near, radiusMeters: 500) { kind } }`,
        variables: { near: POINT },
      },
      { next: () => {}, error: () => {}, complete: () => {} },
    );
    await connected;
    // The router's metrics count the open socket that the signal is about to close.
    expect(await metric(stack, "router", "venta_live_sockets", { service: "router" })).toBeGreaterThanOrEqual(
      1,
    );
    // A request held in flight: location is hung, so the router waits on it when the signal lands.
    stack.signal("location", "SIGSTOP");
    let inFlight: Promise<Awaited<ReturnType<typeof ask>>> | undefined;
    try {
      inFlight = ask();
      await new Promise((resolve) => setTimeout(resolve, 300));
      const exited = stack.kill("router", "SIGTERM");
      // The socket is closed as going away (1001), which graphql-ws clients retry elsewhere.
      expect(await closed).toBe(1001);
      // From then on the router never says it is ready: it answers 503 or no longer accepts.
      const afterSignal = await readiness(router);
      expect([503, "refused"]).toContain(afterSignal);
      stack.signal("location", "SIGCONT");
      const answered = await inFlight;
      expect(answered.errors).toBeUndefined();
      expect(answered.data?.vendor?.location?.point.lat).toBeCloseTo(POINT.lat, 9);
      expect(await exited).toBe(0);
      expect(await readiness(router)).toBe("refused");
    } finally {
      stack.signal("location", "SIGCONT");
      stopSubscription();
      await client.dispose();
    }
    // Another router over the same subgraphs takes the clients.
    await stack.start("router");
    expect(await readiness(stack.urls.router)).toBe(200);
    expect((await ask()).errors).toBeUndefined();
  });
});
