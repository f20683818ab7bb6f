import { anonymous, InternalIdentity } from "@venta/auth";
import { type RunningServer, startSubgraphServer } from "@venta/kit";
import { testLogger } from "@venta/testing";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { marketplaceContext } from "../context.js";
import { marketplaceHarness } from "../marketplace.harness.js";
import { buildMarketplaceSchema } from "../schema.js";
import { PARTNER_KEY_STATUS_PATH, partnerKeyStatusRoute } from "./partner-key-status.route.js";

type Harness = Awaited<ReturnType<typeof marketplaceHarness>>;

const identity = new InternalIdentity(new TextEncoder().encode("a-test-secret-that-only-this-test-holds"));
const stranger = new InternalIdentity(new TextEncoder().encode("a-secret-of-someone-who-is-not-venta!!"));

describe(`POST ${PARTNER_KEY_STATUS_PATH} over HTTP`, () => {
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
        [PARTNER_KEY_STATUS_PATH]: partnerKeyStatusRoute({
          partnerKeys: h.services.partnerKeys,
          identity,
          log: testLogger,
        }),
      },
    });
    url = server.url.replace(/\/graphql$/, PARTNER_KEY_STATUS_PATH);
  });
  afterEach(async () => {
    await server.stop();
    await h.close();
  });

  const status = async (body: unknown, signer: InternalIdentity | null = identity) => {
    const response = await fetch(url, {
      method: "POST",
      headers: {
        "content-type": "application/json",
        ...(signer ? { "x-venta-identity": await signer.sign(anonymous) } : {}),
      },
      body: JSON.stringify(body),
    });
    return { status: response.status, body: (await response.json()) as unknown };
  };

  it("says a key is live until it is revoked, and an unknown id is not", async () => {
    const { record } = await h.services.partnerKeys.create("Eat Map", ["READ"], "admin-1");
    expect(await status({ keyId: record.id })).toEqual({ status: 200, body: { live: true } });
    await h.services.partnerKeys.revoke(record.id);
    expect(await status({ keyId: record.id })).toEqual({ status: 200, body: { live: false } });
    expect(await status({ keyId: "no-such-key" })).toEqual({ status: 200, body: { live: false } });
  });

  it("answers only a caller holding the internal secret, and refuses a malformed body", async () => {
    const { record } = await h.services.partnerKeys.create("Eat Map", ["READ"], "admin-1");
    expect((await status({ keyId: record.id }, null)).status).toBe(401);
    expect((await status({ keyId: record.id }, stranger)).status).toBe(401);
    expect((await status({ keyId: 42 })).status).toBe(400);
    expect((await status({ keyId: "x".repeat(201) })).status).toBe(400);
    expect((await status(["not", "an", "object"])).status).toBe(400);
  });
});
