import { anonymous, InternalIdentity } from "@venta/auth";
import { type RunningServer, startSubgraphServer } from "@venta/kit";
import { testLogger } from "@venta/testing";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { marketplaceContext } from "../context.js";
import { marketplaceHarness } from "../marketplace.harness.js";
import { buildMarketplaceSchema } from "../schema.js";
import { CALLER_VERIFICATION_PATH, callerVerificationRoute } from "./caller-verification.route.js";

type Harness = Awaited<ReturnType<typeof marketplaceHarness>>;

const identity = new InternalIdentity(new TextEncoder().encode("a-test-secret-that-only-this-test-holds"));

describe(`POST ${CALLER_VERIFICATION_PATH} over HTTP`, () => {
  let h: Harness;
  let server: RunningServer;
  let url: string;

  beforeEach(async () => {
    h = await marketplaceHarness();
    server = await startSubgraphServer({
      name: "marketplace",
      host: "127.0.0.1",
      port: 0,
      log: testLogger,
      schema: await buildMarketplaceSchema(),
      identity,
      createContext: marketplaceContext(h.services),
      healthChecks: {},
      routes: {
        [CALLER_VERIFICATION_PATH]: callerVerificationRoute({
          users: h.stores.users,
          partnerKeys: h.services.partnerKeys,
          identity,
          log: testLogger,
        }),
      },
    });
    url = server.url.replace(/\/graphql$/, CALLER_VERIFICATION_PATH);
  });
  afterEach(async () => {
    await server.stop();
    await h.close();
  });

  const post = async (body: string, headers: Record<string, string>) => {
    const response = await fetch(url, {
      method: "POST",
      headers: { "content-type": "application/json", ...headers },
      body,
    });
    return { status: response.status, body: (await response.json()) as unknown };
  };
  const ask = async (question: unknown) =>
    post(JSON.stringify(question), { "x-venta-identity": await identity.sign(anonymous) });

  it("tells the router whether a person's account is active, missing or deleted", async () => {
    await h.services.users.register("Ana", { id: "person-live" });
    await h.services.users.register("Bo", { id: "person-gone" });
    await h.services.personalData.deleteAccount("person-gone", true);
    expect(await ask({ userId: "person-live" })).toEqual({
      status: 200,
      body: { account: "active", partner: null },
    });
    expect(await ask({ userId: "person-gone" })).toEqual({
      status: 200,
      body: { account: "deleted", partner: null },
    });
    expect(await ask({ userId: "never-signed-up" })).toEqual({
      status: 200,
      body: { account: "missing", partner: null },
    });
  });

  it("answers about the person and the key in one call", async () => {
    await h.services.users.register("Ana", { id: "person-live" });
    const { key, record } = await h.services.partnerKeys.create("Eat Map", ["READ"], "admin-1");
    expect(await ask({ userId: "person-live", key })).toEqual({
      status: 200,
      body: { account: "active", partner: { keyId: record.id, name: "Eat Map", scopes: ["READ"] } },
    });
    await h.services.partnerKeys.revoke(record.id);
    expect(await ask({ key })).toEqual({ status: 200, body: { account: null, partner: null } });
    for (const bad of ["vpk_nope", `vpk_${"A".repeat(8000)}`, "vpk_\u0000\ud800"])
      expect(await ask({ key: bad })).toEqual({ status: 200, body: { account: null, partner: null } });
  });

  it("refuses a caller without the router's signed header, before reading the body", async () => {
    const forger = new InternalIdentity(new TextEncoder().encode("a-guessed-secret"));
    const question = JSON.stringify({ userId: "person-live" });
    expect(await post(question, {})).toMatchObject({ status: 401 });
    expect(await post(question, { "x-venta-identity": await forger.sign(anonymous) })).toMatchObject({
      status: 401,
    });
    expect(await post("{", { "x-venta-identity": "not-a-token" })).toMatchObject({ status: 401 });
  });

  it("answers 400 for a body that asks nothing, or asks with the wrong shapes", async () => {
    const headers = { "x-venta-identity": await identity.sign(anonymous) };
    for (const body of ["{", "[]", "{}", "null", '{"userId": 42}', '{"userId": ""}', '{"key": ["vpk_x"]}']) {
      expect(await post(body, headers), body).toMatchObject({ status: 400 });
    }
  });
});
