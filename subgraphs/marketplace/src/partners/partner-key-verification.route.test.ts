import { anonymous, InternalIdentity, personViewer } from "@venta/auth";
import { startSubgraphServer } from "@venta/kit";
import { testLogger } from "@venta/testing";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { marketplaceContext } from "../context.js";
import { internalIdentity as identity, internalRouteServer } from "../internal-route.harness.js";
import { marketplaceModules } from "../modules.js";
import { buildMarketplaceSchema } from "../schema.js";
import {
  PARTNER_KEY_VERIFICATION_PATH,
  partnerKeyVerificationRoute,
} from "./partner-key-verification.route.js";

describe(`POST ${PARTNER_KEY_VERIFICATION_PATH} over HTTP`, () => {
  let served: Awaited<ReturnType<typeof internalRouteServer>>;

  beforeEach(async () => {
    served = await internalRouteServer(PARTNER_KEY_VERIFICATION_PATH, (h, guard) =>
      partnerKeyVerificationRoute({ partnerKeys: h.services.partnerKeys, ...guard }),
    );
  });
  afterEach(() => served.close());

  const routerHeader = () => identity.sign(anonymous);
  const post = (body: string, headers: Record<string, string> = {}) => served.post(body, headers);
  const verify = async (key: unknown, headers?: Record<string, string>) =>
    post(JSON.stringify({ key }), headers ?? { "x-venta-identity": await routerHeader() });

  it("answers the router with the partner behind a valid key", async () => {
    const { key, record } = await served.h.services.partnerKeys.create(
      "Eat Map",
      ["READ", "SUBSCRIBE"],
      "admin-1",
    );
    expect(await verify(key)).toEqual({
      status: 200,
      body: { keyId: record.id, name: "Eat Map", scopes: ["READ", "SUBSCRIBE"] },
    });
    expect((await served.h.stores.partnerKeys.findById(record.id))?.lastUsedAt).toBeInstanceOf(Date);
  });

  it("refuses a caller without the router's header, checking nothing and touching nothing", async () => {
    const { key, record } = await served.h.services.partnerKeys.create("Eat Map", ["READ"], "admin-1");
    expect(await verify(key, {})).toMatchObject({ status: 401 });
    expect(await verify(key, { "x-venta-identity": "" })).toMatchObject({ status: 401 });
    expect((await served.h.stores.partnerKeys.findById(record.id))?.lastUsedAt).toBeNull();
  });

  it("refuses a forged header: another secret, or not a token at all", async () => {
    const { key } = await served.h.services.partnerKeys.create("Eat Map", ["READ"], "admin-1");
    const forger = new InternalIdentity(new TextEncoder().encode("a-guessed-secret"));
    const forged = await forger.sign(personViewer("admin-1", ["ADMIN"]));
    expect(await verify(key, { "x-venta-identity": forged })).toEqual({
      status: 401,
      body: { error: "the x-venta-identity header is not valid" },
    });
    expect(await verify(key, { "x-venta-identity": "not-a-token" })).toMatchObject({ status: 401 });
    // Refused before the body is read: a bad body gets the same answer.
    expect(await post("{", { "x-venta-identity": forged })).toMatchObject({ status: 401 });
  });

  it("answers 404 for a revoked, unknown or malformed key, without saying which", async () => {
    const { key, record } = await served.h.services.partnerKeys.create("Eat Map", ["READ"], "admin-1");
    await served.h.services.partnerKeys.revoke(record.id);
    const notFound = { status: 404, body: { error: "unknown or revoked key" } };
    expect(await verify(key)).toEqual(notFound);
    expect(await verify(`vpk_${"A".repeat(43)}`)).toEqual(notFound);
    expect(await verify("vpk_nope")).toEqual(notFound);
  });

  it("answers 400 for a body that is not { key: string }", async () => {
    const headers = { "x-venta-identity": await routerHeader() };
    for (const body of ["{", "[]", "{}", '{"key": 42}', '{"key": ""}', "null", '"vpk_x"']) {
      expect(await post(body, headers), body).toMatchObject({ status: 400 });
    }
    const response = await fetch(served.url, { method: "POST", headers, body: "key=vpk_x" });
    expect(response.status).toBe(400);
  });

  it("accepts only POST, and leaves the subgraph's own routes as they were", async () => {
    const response = await fetch(served.url, { headers: { "x-venta-identity": await routerHeader() } });
    expect(response.status).toBe(405);
    expect(response.headers.get("allow")).toBe("POST");
    await response.body?.cancel();
    const health = await fetch(served.server.url.replace(/\/graphql$/, "/health"));
    expect(health.status).toBe(200);
    await health.body?.cancel();
    const graphql = await fetch(served.server.url, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ query: "{ partnerKeys { totalCount } }" }),
    });
    expect(
      ((await graphql.json()) as { errors: { extensions: { code: string } }[] }).errors[0],
    ).toMatchObject({ extensions: { code: "UNAUTHENTICATED" } });
  });

  it("cannot replace a route every subgraph serves", async () => {
    await expect(
      startSubgraphServer({
        name: "marketplace",
        host: "127.0.0.1",
        port: 0,
        log: testLogger,
        schema: await buildMarketplaceSchema(),
        identity,
        createContext: marketplaceContext(marketplaceModules, served.h.services),
        healthChecks: {},
        routes: { "/graphql": () => {} },
      }),
    ).rejects.toThrow(/\/graphql/);
  });
});
