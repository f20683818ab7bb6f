import { anonymous, InternalIdentity } from "@venta/auth";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { internalIdentity as identity, internalRouteServer } from "../internal-route.harness.js";
import { PARTNER_KEY_STATUS_PATH, partnerKeyStatusRoute } from "./partner-key-status.route.js";

const stranger = new InternalIdentity(new TextEncoder().encode("a-secret-of-someone-who-is-not-venta!!"));

describe(`POST ${PARTNER_KEY_STATUS_PATH} over HTTP`, () => {
  let served: Awaited<ReturnType<typeof internalRouteServer>>;

  beforeEach(async () => {
    served = await internalRouteServer(PARTNER_KEY_STATUS_PATH, (h, guard) =>
      partnerKeyStatusRoute({ partnerKeys: h.services.partnerKeys, ...guard }),
    );
  });
  afterEach(() => served.close());

  const status = async (body: unknown, signer: InternalIdentity | null = identity) =>
    served.post(JSON.stringify(body), signer ? { "x-venta-identity": await signer.sign(anonymous) } : {});

  it("says a key is live until it is revoked, and an unknown id is not", async () => {
    const { record } = await served.h.services.partnerKeys.create("Eat Map", ["READ"], "admin-1");
    expect(await status({ keyId: record.id })).toEqual({ status: 200, body: { live: true } });
    await served.h.services.partnerKeys.revoke(record.id);
    expect(await status({ keyId: record.id })).toEqual({ status: 200, body: { live: false } });
    expect(await status({ keyId: "no-such-key" })).toEqual({ status: 200, body: { live: false } });
  });

  it("answers only a caller holding the internal secret, and refuses a malformed body", async () => {
    const { record } = await served.h.services.partnerKeys.create("Eat Map", ["READ"], "admin-1");
    expect((await status({ keyId: record.id }, null)).status).toBe(401);
    expect((await status({ keyId: record.id }, stranger)).status).toBe(401);
    expect((await status({ keyId: 42 })).status).toBe(400);
    expect((await status({ keyId: "x".repeat(201) })).status).toBe(400);
    expect((await status(["not", "an", "object"])).status).toBe(400);
  });
});
