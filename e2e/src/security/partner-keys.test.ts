import {
  CreatePartnerKeyDocument,
  NearbyVendorsDocument,
  PartnerKeysDocument,
  RevokePartnerKeyDocument,
  VentaClient,
  VentaRequestError,
} from "@venta/client";
import { postGraphQL, type Stack, startStack } from "@venta/testing";
import { createClient } from "graphql-ws";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import WebSocket from "ws";

const ANY_QUERY = `{ vendors(first: 1) { totalCount } }`;
const INTROSPECTION = `{ __schema { queryType { name } } }`;
const DOWNTOWN = { lat: 30.2672, lng: -97.7431 };

const codeOf = (response: { errors?: { extensions?: Record<string, unknown> }[] }) =>
  response.errors?.[0]?.extensions?.code ?? "allowed";

/**
 * A production-like router: only the apps' trusted documents for callers without a partner key,
 * and no introspection for them either. Partners get in with keys admins issue through the API.
 */
describe("partner API keys, trusted documents and introspection", () => {
  let stack: Stack;
  let graphqlUrl: string;
  let admin: VentaClient;
  let fullKey: string;
  let subscribeOnlyKey: string;

  const issue = async (name: string, scopes: ("READ" | "SUBSCRIBE" | "INTROSPECT")[]) =>
    (await admin.request(CreatePartnerKeyDocument, { input: { name, scopes } })).createPartnerKey;

  beforeAll(async () => {
    stack = await startStack({ env: { TRUSTED_DOCUMENTS: "require", INTROSPECTION: "false" } });
    graphqlUrl = `${stack.urls.router}/graphql`;
    admin = new VentaClient({ url: graphqlUrl, token: await stack.token("admin-1", ["ADMIN"]) });
    fullKey = (await issue("Eat Map", ["READ", "SUBSCRIBE", "INTROSPECT"])).key;
    subscribeOnlyKey = (await issue("Truck Tracker", ["SUBSCRIBE"])).key;
  });
  afterAll(() => stack?.close());

  it("runs the apps' trusted documents, sent by hash, for anyone", async () => {
    const app = new VentaClient({ url: graphqlUrl });
    const { nearbyVendors } = await app.request(NearbyVendorsDocument, { near: DOWNTOWN, radiusMeters: 500 });
    expect(nearbyVendors.totalCount).toBeGreaterThanOrEqual(0);
  });

  it("trusts the live map page's own operations, exactly as the page sends them", async () => {
    const html = await (await fetch(`${stack.urls.router}/map`)).text();
    const json = /<script id="operations" type="application\/json">(.*?)<\/script>/s.exec(html)?.[1] ?? "{}";
    const { mapVendors } = JSON.parse(json) as { mapVendors: string };
    const box = { south: 30.25, west: -97.76, north: 30.28, east: -97.73 };
    expect(codeOf(await postGraphQL(graphqlUrl, mapVendors, { box }))).toBe("allowed");
    expect(codeOf(await postGraphQL(graphqlUrl, `${mapVendors} `, { box }))).toBe("FORBIDDEN");
  });

  it("refuses any other document from callers without a key, before it runs", async () => {
    const anonymous = await postGraphQL(graphqlUrl, ANY_QUERY);
    expect(anonymous.status).toBe(403);
    expect(codeOf(anonymous)).toBe("FORBIDDEN");
    const person = { authorization: `Bearer ${await stack.token("dana", ["CUSTOMER"])}` };
    expect(codeOf(await postGraphQL(graphqlUrl, ANY_QUERY, {}, person))).toBe("FORBIDDEN");
  });

  it("lets a key with READ send its own documents, and refuses a key without it", async () => {
    const read = await postGraphQL(graphqlUrl, ANY_QUERY, {}, { "x-api-key": fullKey });
    expect(read.errors).toBeUndefined();
    expect(codeOf(await postGraphQL(graphqlUrl, ANY_QUERY, {}, { "x-api-key": subscribeOnlyKey }))).toBe(
      "FORBIDDEN",
    );
  });

  it("allows introspection only to keys with INTROSPECT", async () => {
    expect(codeOf(await postGraphQL(graphqlUrl, INTROSPECTION))).toBe("FORBIDDEN");
    const partner = await postGraphQL(graphqlUrl, INTROSPECTION, {}, { "x-api-key": fullKey });
    expect(partner.data).toEqual({ __schema: { queryType: { name: "Query" } } });
  });

  it("never lets a partner key write", async () => {
    const attempt = await postGraphQL(
      graphqlUrl,
      `mutation { createVendor(input: { name: "Partner Cart", cuisines: ["tacos"] }) { id } }`,
      {},
      { "x-api-key": fullKey },
    );
    expect(codeOf(attempt)).toBe("FORBIDDEN");
  });

  it("needs SUBSCRIBE for a subscription of the partner's own", async () => {
    const outcome = async (connectionParams: Record<string, unknown>) => {
      const client = createClient({
        url: `${stack.urls.router.replace(/^http/, "ws")}/graphql`,
        webSocketImpl: WebSocket,
        retryAttempts: 0,
        connectionParams,
      });
      const result = await new Promise<unknown>((resolve) => {
        client.subscribe(
          { query: `subscription Mine { vendorLocationUpdated(vendorIds: ["none"]) { kind } }` },
          { next: () => undefined, error: resolve, complete: () => resolve("completed") },
        );
        setTimeout(() => resolve("admitted"), 400);
      });
      await client.dispose();
      return result;
    };
    expect(await outcome({ apiKey: subscribeOnlyKey })).toBe("admitted");
    expect(await outcome({})).toEqual([expect.objectContaining({ extensions: { code: "FORBIDDEN" } })]);
  });

  it("lists keys for admins without ever showing them again, and records their last use", async () => {
    const { partnerKeys } = await admin.request(PartnerKeysDocument);
    const eatMap = partnerKeys.edges.find((edge) => edge.node.name === "Eat Map")?.node;
    expect(eatMap).toMatchObject({
      prefix: fullKey.slice(0, 12),
      scopes: ["READ", "SUBSCRIBE", "INTROSPECT"],
    });
    expect(eatMap?.lastUsedAt).not.toBeNull();
    expect(JSON.stringify(partnerKeys)).not.toContain(fullKey);

    const customer = new VentaClient({ url: graphqlUrl, token: await stack.token("dana", ["CUSTOMER"]) });
    await expect(customer.request(PartnerKeysDocument)).rejects.toMatchObject({ code: "FORBIDDEN" });
    const partner = new VentaClient({ url: graphqlUrl, apiKey: fullKey });
    await expect(
      partner.request(CreatePartnerKeyDocument, { input: { name: "Self-issued", scopes: ["READ"] } }),
    ).rejects.toBeInstanceOf(VentaRequestError);
  });

  it("stops a revoked key at once", async () => {
    const doomed = await issue("Short-lived", ["READ"]);
    expect(
      (await postGraphQL(graphqlUrl, ANY_QUERY, {}, { "x-api-key": doomed.key })).errors,
    ).toBeUndefined();
    await admin.request(RevokePartnerKeyDocument, { id: doomed.partnerKey.id });
    const refused = await postGraphQL(graphqlUrl, ANY_QUERY, {}, { "x-api-key": doomed.key });
    expect(refused.status).toBe(401);
    expect(codeOf(refused)).toBe("UNAUTHENTICATED");
  });
});

describe("automatic persisted queries, where any document is allowed", () => {
  let stack: Stack;
  beforeAll(async () => {
    stack = await startStack();
  });
  afterAll(() => stack?.close());

  it("asks for an unknown hash's text once, then runs it by hash", async () => {
    const url = `${stack.urls.router}/graphql`;
    const { createHash } = await import("node:crypto");
    const sha256Hash = createHash("sha256").update(ANY_QUERY).digest("hex");
    const send = (body: Record<string, unknown>) =>
      fetch(url, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify(body),
      }).then(
        (response) =>
          response.json() as Promise<{ data?: unknown; errors?: { extensions?: Record<string, unknown> }[] }>,
      );
    const extensions = { persistedQuery: { version: 1, sha256Hash } };
    expect(codeOf(await send({ extensions }))).toBe("PERSISTED_QUERY_NOT_FOUND");
    expect((await send({ query: ANY_QUERY, extensions })).errors).toBeUndefined();
    const byHash = await send({ extensions });
    expect(byHash.errors).toBeUndefined();
    expect(byHash.data).toEqual({ vendors: { totalCount: 0 } });
  });
});
