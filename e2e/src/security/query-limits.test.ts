import { postGraphQL, type Stack, startStack } from "@venta/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type CountingProxy, countingProxy } from "./counting-proxy.js";

/** Eight levels of a fragment that spreads the one below it twice: 2^8 copies of `id` once expanded. */
function costBomb(): string {
  const levels = Array.from({ length: 8 }, (_, i) => {
    const next = i === 7 ? "id name slug description cuisines status" : `...F${i + 1} ...F${i + 1}`;
    return `fragment F${i} on Vendor { ${next} }`;
  });
  return `query Bomb { vendors(first: 100) { edges { node { ...F0 } } } }\n${levels.join("\n")}`;
}

describe("limits on what one operation may ask", () => {
  let stack: Stack;
  let proxies: Record<"marketplace" | "location", CountingProxy>;
  const subgraphRequests = () => proxies.marketplace.requests + proxies.location.requests;
  const ask = (query: string) => postGraphQL(`${stack.urls.router}/graphql`, query);

  beforeAll(async () => {
    proxies = { marketplace: await countingProxy(), location: await countingProxy() };
    stack = await startStack({
      // The proxies in front of the subgraphs learn their targets once the stack is up.
      routerWaitsFor: "live",

      env: {
        MARKETPLACE_URL: proxies.marketplace.url,
        LOCATION_URL: proxies.location.url,
        MAX_DEPTH: "8",
        // As in production: hints in errors are for those who may introspect.
        INTROSPECTION: "false",
      },
    });
    proxies.marketplace.target = stack.urls.marketplace;
    proxies.location.target = stack.urls.location;
  });
  afterAll(async () => {
    await stack?.close();
    await Promise.all(Object.values(proxies ?? {}).map((proxy) => proxy.close()));
  });

  it("answers a query within the limits through the subgraphs", async () => {
    const before = subgraphRequests();
    const response = await ask(
      `{ vendors(first: 2) { totalCount edges { node { name location { isLive } } } } }`,
    );
    expect(response.errors).toBeUndefined();
    expect(subgraphRequests()).toBeGreaterThan(before);
  });

  it.each([
    [
      "a depth bomb",
      `{ vendors { edges { node { owner { vendors { edges { node { owner { vendors { edges { node { id } } } } } } } } } } } }`,
      "DEPTH",
    ],
    [
      "an alias bomb",
      `{ ${Array.from({ length: 40 }, (_, i) => `a${i}: vendors(first: 100) { totalCount }`).join(" ")} }`,
      "ALIASES",
    ],
    ["a cost bomb", costBomb(), "COST"],
    [
      "a directive flood",
      `{ vendors(first: 1) { ${"totalCount @skip(if: false) ".repeat(50)} } }`,
      "DIRECTIVES",
    ],
    // Short tokens: 3,000 of them in 9,000 characters, within the query length limit.
    ["a token flood", `{ vendors(first: 1) { ${"id ".repeat(3_000)} } }`, "TOKENS"],
    ["a text flood", `{ vendors(first: 1) { totalCount } } ${"# padding\n".repeat(4_000)}`, "LENGTH"],
  ])("rejects %s with QUERY_TOO_COMPLEX before any subgraph works", async (_what, query, limit) => {
    const before = subgraphRequests();
    const response = await ask(query);
    expect(response.status).toBe(400);
    // One bomb may break several limits at once (forty aliases also cost a lot): each is reported.
    expect(response.errors?.map((error) => error.extensions?.code)).toEqual(
      response.errors?.map(() => "QUERY_TOO_COMPLEX"),
    );
    expect(response.errors?.map((error) => error.extensions?.limit)).toContain(limit);
    expect(response.errors?.[0]?.message).not.toMatch(/Syntax Error/);
    expect(subgraphRequests()).toBe(before);
  });

  it("prices page sizes given in variables too", async () => {
    const nested = `query Nested($n: Int) { vendors(first: $n) { edges { node { owner {
      vendors(first: $n) { edges { node { id name slug description cuisines } } } } } } } }`;
    const before = subgraphRequests();
    const bomb = await postGraphQL(`${stack.urls.router}/graphql`, nested, { n: 100 });
    expect(bomb.status).toBe(400);
    expect(bomb.errors?.[0]?.extensions).toEqual({ code: "QUERY_TOO_COMPLEX", limit: "COST" });
    expect(subgraphRequests()).toBe(before);
    const modest = await postGraphQL(`${stack.urls.router}/graphql`, nested, { n: 2 });
    expect(modest.errors).toBeUndefined();
  });

  it("masks field suggestions from callers who may not introspect, so the schema cannot be guessed", async () => {
    const response = await ask(`{ vendorz(first: 1) { totalCount } }`);
    expect(response.errors?.[0]?.extensions?.code).toBe("GRAPHQL_VALIDATION_FAILED");
    expect(response.errors?.[0]?.message).not.toMatch(/Did you mean/);
  });

  it("never returns a stack trace", async () => {
    const response = await ask(`{ vendors(first: 1) { totalCount } }`.repeat(2));
    expect(JSON.stringify(response)).not.toMatch(/stacktrace|at .*\.js:\d+/);
  });

  it("rejects a limit-breaking subscription on that subscription only", async () => {
    const { createClient } = await import("graphql-ws");
    const { default: WebSocket } = await import("ws");
    const client = createClient({
      url: `${stack.urls.router.replace(/^http/, "ws")}/graphql`,
      webSocketImpl: WebSocket,
      retryAttempts: 0,
    });
    const deep = `subscription { vendorLocationUpdated(near: { lat: 30.26, lng: -97.74 }, radiusMeters: 500) {
      vendor { owner { vendors { edges { node { owner { vendors { edges { node { id } } } } } } } } } } }`;
    const error = await new Promise<unknown>((resolve) => {
      client.subscribe(
        { query: deep },
        { next: () => undefined, error: resolve, complete: () => resolve(null) },
      );
    });
    await client.dispose();
    expect(error).toEqual([
      expect.objectContaining({ extensions: { code: "QUERY_TOO_COMPLEX", limit: "DEPTH" } }),
    ]);
  });
});
