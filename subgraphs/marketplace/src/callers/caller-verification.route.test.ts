import { anonymous, InternalIdentity } from "@venta/auth";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { internalIdentity as identity, internalRouteServer } from "../internal-route.harness.js";
import { CALLER_VERIFICATION_PATH, callerVerificationRoute } from "./caller-verification.route.js";

describe(`POST ${CALLER_VERIFICATION_PATH} over HTTP`, () => {
  let served: Awaited<ReturnType<typeof internalRouteServer>>;

  beforeEach(async () => {
    served = await internalRouteServer(CALLER_VERIFICATION_PATH, (h, guard) =>
      callerVerificationRoute({
        users: h.stores.users,
        partnerKeys: h.services.partnerKeys,
        ...guard,
      }),
    );
  });
  afterEach(() => served.close());

  const post = (body: string, headers: Record<string, string>) => served.post(body, headers);
  const ask = async (question: unknown) =>
    post(JSON.stringify(question), { "x-venta-identity": await identity.sign(anonymous) });

  it("tells the router whether a person's account is active, missing or deleted", async () => {
    await served.h.services.users.register("Ana", { id: "person-live" });
    await served.h.services.users.register("Bo", { id: "person-gone" });
    await served.h.services.personalData.deleteAccount("person-gone", true);
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
    await served.h.services.users.register("Ana", { id: "person-live" });
    const { key, record } = await served.h.services.partnerKeys.create("Eat Map", ["READ"], "admin-1");
    expect(await ask({ userId: "person-live", key })).toEqual({
      status: 200,
      body: { account: "active", partner: { keyId: record.id, name: "Eat Map", scopes: ["READ"] } },
    });
    await served.h.services.partnerKeys.revoke(record.id);
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
