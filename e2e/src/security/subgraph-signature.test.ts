import { connect } from "node:net";
import { postGraphQL, type Stack, startStack } from "@venta/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const SDL = "{ _service { sdl } }";
const INTROSPECTION = "{ __schema { queryType { name } } }";
const ANONYMOUS_READ = `{
  vendor(id: "no-such-vendor") { id }
  nearbyVendors(near: { lat: 30.26, lng: -97.74 }, radiusMeters: 100) { edges { node { id } } }
}`;

/** A POST whose request line is written as raw bytes: fetch would normalise `%2e%2e` away first. */
function rawPost(url: string, target: string, body: string): Promise<string> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve, reject) => {
    const socket = connect(Number(port), hostname, () =>
      socket.write(
        `POST ${target} HTTP/1.1\r\nHost: ${hostname}\r\nContent-Type: application/json\r\n` +
          `Content-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
      ),
    );
    const chunks: Buffer[] = [];
    socket.on("data", (chunk: Buffer) => chunks.push(chunk));
    socket.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
    socket.on("error", reject);
  });
}

describe("subgraphs answer only what the router signed", () => {
  let stack: Stack;
  beforeAll(async () => {
    stack = await startStack();
  });
  afterAll(() => stack?.close());

  it("refuses an unsigned call straight to any subgraph with 401 UNAUTHENTICATED, schema queries included", async () => {
    for (const service of ["marketplace", "location", "communication"] as const) {
      for (const query of [SDL, INTROSPECTION, "{ __typename }"]) {
        const response = await postGraphQL(`${stack.urls[service]}/graphql`, query);
        expect(response.status, `${service} ${query}`).toBe(401);
        expect(response.errors?.[0]?.extensions?.code).toBe("UNAUTHENTICATED");
        expect(response.data ?? undefined).toBeUndefined();
      }
    }
  });

  it("still serves anonymous callers through the router, which signs their calls too", async () => {
    const response = await postGraphQL(`${stack.urls.router}/graphql`, ANONYMOUS_READ);
    expect(response.errors).toBeUndefined();
    expect(response.data).toEqual({ vendor: null, nearbyVendors: { edges: [] } });
  });

  it("gives no way through the router's webhook route to a subgraph's own endpoints", async () => {
    const body = JSON.stringify({ query: SDL });
    for (const target of [
      "/webhooks/%2e%2e/graphql",
      "/webhooks/%2E%2E/health",
      "/webhooks/..%2fgraphql",
      "/webhooks/stripe/../../graphql",
      "/webhooks/%252e%252e/graphql",
    ]) {
      const answer = await rawPost(stack.urls.router, target, body);
      expect(answer, target).toMatch(/^HTTP\/1\.1 404 /);
      expect(answer).not.toContain("_service");
    }
  });
});

describe("a subgraph run alone in development", () => {
  let stack: Stack;
  beforeAll(async () => {
    stack = await startStack({ serviceEnv: { marketplace: { SUBGRAPH_ACCEPT_UNSIGNED: "true" } } });
  });
  afterAll(() => stack?.close());

  it("serves unsigned calls as anonymous when SUBGRAPH_ACCEPT_UNSIGNED is set", async () => {
    const response = await postGraphQL(
      `${stack.urls.marketplace}/graphql`,
      `{ vendor(id: "no-such-vendor") { id } }`,
    );
    expect(response.status).toBe(200);
    expect(response.data).toEqual({ vendor: null });
    const sdl = await postGraphQL(`${stack.urls.marketplace}/graphql`, SDL);
    expect(sdl.errors).toBeUndefined();
  });
});
