import { randomUUID } from "node:crypto";
import { mkdtempSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import {
  createTokenVerifier,
  DEV_AUDIENCE,
  DEV_ISSUER,
  DevIssuer,
  IDENTITY_HEADER,
  InternalIdentity,
  type PartnerIdentity,
  RedisDeletedAccounts,
} from "@venta/auth";
import { readRawBody } from "@venta/kit";
import { redisForTests, testLogger } from "@venta/testing";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { type CallerIdentity, callerIdentity, deletionFromMarketplace } from "./caller-identity.js";
import { type AccountStatus, marketplaceCallers } from "./caller-lookup.js";
import { rememberedCallers, rememberedDeletions } from "./remembered-callers.js";

const identity = new InternalIdentity(new TextEncoder().encode("a-test-secret-that-only-this-test-holds"));
const EAT_MAP: PartnerIdentity = { keyId: "key-1", name: "Eat Map", scopes: ["READ"] };

/**
 * A real HTTP server speaking marketplace's `/internal/callers/verify` contract over what the test
 * sets, counting the lookups that reach it; `hold` keeps answers back until released.
 */
async function scriptedMarketplace() {
  const accounts = new Map<string, AccountStatus>();
  const keys = new Map<string, PartnerIdentity>();
  let lookups = 0;
  let down = false;
  /** When set, the body of every answer, whatever was asked. */
  let rawAnswer: string | null = null;
  let held: Promise<void> = Promise.resolve();
  const server: Server = createServer(async (req, res) => {
    lookups += 1;
    const header = req.headers[IDENTITY_HEADER];
    const signed =
      typeof header === "string" &&
      (await identity.verify(header).then(
        () => true,
        () => false,
      ));
    const body = JSON.parse(String(await readRawBody(req))) as { userId?: string; key?: string };
    await held;
    if (!signed || down) {
      res.writeHead(signed ? 500 : 401).end();
      return;
    }
    res.setHeader("content-type", "application/json");
    if (rawAnswer !== null) {
      res.end(rawAnswer);
      return;
    }
    res.end(
      JSON.stringify({
        account: body.userId === undefined ? null : (accounts.get(body.userId) ?? "missing"),
        partner: body.key === undefined ? null : (keys.get(body.key) ?? null),
      }),
    );
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/graphql`,
    accounts,
    keys,
    get lookups() {
      return lookups;
    },
    set down(value: boolean) {
      down = value;
    },
    set rawAnswer(text: string | null) {
      rawAnswer = text;
    },
    hold(): () => void {
      let release = () => {};
      held = new Promise<void>((resolve) => {
        release = resolve;
      });
      return release;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

describe("who is calling, as marketplace knows them", () => {
  let marketplace: Awaited<ReturnType<typeof scriptedMarketplace>>;
  let issuer: DevIssuer;
  let identify: CallerIdentity;

  beforeEach(async () => {
    marketplace = await scriptedMarketplace();
    issuer = await DevIssuer.open(mkdtempSync(join(tmpdir(), "venta-callers-")));
    const verifyToken = createTokenVerifier({
      keys: issuer.keySet(),
      issuer: DEV_ISSUER,
      audience: DEV_AUDIENCE,
    });
    const lookup = rememberedCallers(marketplaceCallers(marketplace.url, identity, 2_000), {
      maxEntries: 100,
      unknownKeyMs: 60_000,
    });
    identify = callerIdentity(verifyToken, lookup, deletionFromMarketplace(lookup), testLogger);
  });
  afterEach(() => marketplace.close());

  const bearer = async (userId: string) => `Bearer ${await issuer.sign({ userId, roles: ["CUSTOMER"] })}`;

  it("refuses a deleted person's token with UNAUTHENTICATED, and keeps refusing without asking again", async () => {
    marketplace.accounts.set("gone", "deleted");
    const authorization = await bearer("gone");
    for (let attempt = 0; attempt < 3; attempt += 1)
      await expect(identify({ authorization })).rejects.toMatchObject({
        message: "this account has been deleted",
        extensions: { code: "UNAUTHENTICATED", http: { status: 401 } },
      });
    expect(marketplace.lookups).toBe(1);
  });

  it("refuses a deleted person even with a live key beside the token", async () => {
    marketplace.accounts.set("gone", "deleted");
    marketplace.keys.set("vpk_live", EAT_MAP);
    await expect(identify({ authorization: await bearer("gone"), apiKey: "vpk_live" })).rejects.toMatchObject(
      {
        message: "this account has been deleted",
      },
    );
  });

  it("admits an active person, and a person with no marketplace account yet, asking each time", async () => {
    marketplace.accounts.set("ana", "active");
    const ana = await bearer("ana");
    expect(await identify({ authorization: ana })).toMatchObject({ userId: "ana", partner: null });
    expect(await identify({ authorization: ana })).toMatchObject({ userId: "ana" });
    expect(await identify({ authorization: await bearer("newcomer") })).toMatchObject({ userId: "newcomer" });
    expect(marketplace.lookups).toBe(3);
    // An account deleted now stops the very next request: an active answer is never remembered.
    marketplace.accounts.set("ana", "deleted");
    await expect(identify({ authorization: ana })).rejects.toMatchObject({
      extensions: { code: "UNAUTHENTICATED" },
    });
  });

  it("asks marketplace once about a person and a key sent together", async () => {
    marketplace.accounts.set("ana", "active");
    marketplace.keys.set("vpk_live", EAT_MAP);
    expect(await identify({ authorization: await bearer("ana"), apiKey: "vpk_live" })).toEqual({
      userId: "ana",
      roles: ["CUSTOMER", "PARTNER"],
      partner: EAT_MAP,
    });
    expect(marketplace.lookups).toBe(1);
  });

  it("costs one lookup for a bad key sent again and again, with or without a token", async () => {
    for (let attempt = 0; attempt < 5; attempt += 1)
      await expect(identify({ apiKey: "vpk_guess" })).rejects.toMatchObject({
        message: "the API key is unknown or has been revoked",
        extensions: { code: "UNAUTHENTICATED" },
      });
    await expect(identify({ authorization: await bearer("ana"), apiKey: "vpk_guess" })).rejects.toMatchObject(
      {
        message: "the API key is unknown or has been revoked",
      },
    );
    expect(marketplace.lookups).toBe(1);
  });

  it("stops a revoked key at the next request: a live key is never remembered", async () => {
    marketplace.keys.set("vpk_live", EAT_MAP);
    expect(await identify({ apiKey: "vpk_live" })).toMatchObject({ partner: EAT_MAP });
    expect(await identify({ apiKey: "vpk_live" })).toMatchObject({ partner: EAT_MAP });
    marketplace.keys.delete("vpk_live");
    await expect(identify({ apiKey: "vpk_live" })).rejects.toMatchObject({
      extensions: { code: "UNAUTHENTICATED" },
    });
    expect(marketplace.lookups).toBe(3);
  });

  it("shares one lookup among concurrent identical callers", async () => {
    marketplace.keys.set("vpk_live", EAT_MAP);
    const release = marketplace.hold();
    const callers = Array.from({ length: 5 }, () => identify({ apiKey: "vpk_live" }));
    release();
    for (const viewer of await Promise.all(callers)) expect(viewer).toMatchObject({ partner: EAT_MAP });
    expect(marketplace.lookups).toBe(1);
  });

  it("fails closed for a key and open for a verified token alone when marketplace cannot answer", async () => {
    marketplace.down = true;
    marketplace.keys.set("vpk_live", EAT_MAP);
    await expect(identify({ apiKey: "vpk_live" })).rejects.toMatchObject({
      extensions: { code: "SERVICE_UNAVAILABLE", http: { status: 503 } },
    });
    expect(await identify({ authorization: await bearer("ana") })).toMatchObject({ userId: "ana" });
    // A failure is not remembered: the key works once marketplace is back.
    marketplace.down = false;
    expect(await identify({ apiKey: "vpk_live" })).toMatchObject({ partner: EAT_MAP });
  });

  it("takes an answer that is not JSON for no answer: 503 for a key, not a server error", async () => {
    marketplace.rawAnswer = '{"account": "act';
    marketplace.keys.set("vpk_live", EAT_MAP);
    await expect(identify({ apiKey: "vpk_live" })).rejects.toMatchObject({
      extensions: { code: "SERVICE_UNAVAILABLE" },
    });
  });

  it("takes an answer of the wrong shape for no answer, never for a partner or an account", async () => {
    marketplace.keys.set("vpk_live", EAT_MAP);
    for (const answer of [
      { account: null, partner: "Eat Map" },
      { account: null, partner: { keyId: "key-1", scopes: ["READ"] } },
      { account: "gone", partner: null },
      { partner: null },
      [],
    ]) {
      marketplace.rawAnswer = JSON.stringify(answer);
      await expect(identify({ apiKey: "vpk_live" }), JSON.stringify(answer)).rejects.toMatchObject({
        extensions: { code: "SERVICE_UNAVAILABLE" },
      });
    }
  });

  it("refuses a malformed bearer header without asking marketplace", async () => {
    await expect(identify({ authorization: "Token abc" })).rejects.toMatchObject({
      extensions: { code: "UNAUTHENTICATED" },
    });
    expect(await identify({})).toMatchObject({ userId: null, partner: null });
    expect(marketplace.lookups).toBe(0);
  });
});

describe("who is calling, with the deletion records in Redis", async () => {
  const redisUrl = await redisForTests();
  let marketplace: Awaited<ReturnType<typeof scriptedMarketplace>>;
  let deleted: RedisDeletedAccounts;
  let identify: CallerIdentity;
  let issuer: DevIssuer;

  beforeAll(async () => {
    if (!redisUrl) return;
    marketplace = await scriptedMarketplace();
    issuer = await DevIssuer.open(mkdtempSync(join(tmpdir(), "venta-callers-")));
    deleted = new RedisDeletedAccounts(redisUrl, `venta-test:${randomUUID()}:deleted-account:`);
    const lookup = rememberedCallers(marketplaceCallers(marketplace.url, identity, 2_000), {
      maxEntries: 100,
      unknownKeyMs: 60_000,
    });
    const verifyToken = createTokenVerifier({
      keys: issuer.keySet(),
      issuer: DEV_ISSUER,
      audience: DEV_AUDIENCE,
    });
    const isDeleted = rememberedDeletions((userId) => deleted.has(userId), 100);
    identify = callerIdentity(verifyToken, lookup, isDeleted, testLogger);
  });
  afterAll(async () => {
    await marketplace?.close();
    await deleted?.close();
  });

  const bearer = async (userId: string) => `Bearer ${await issuer.sign({ userId, roles: ["CUSTOMER"] })}`;

  it.skipIf(!redisUrl)(
    "admits a person and refuses them after their deletion is recorded, never asking marketplace",
    async () => {
      const authorization = await bearer("leaving");
      expect((await identify({ authorization })).userId).toBe("leaving");
      await deleted.add("leaving");
      await expect(identify({ authorization })).rejects.toMatchObject({
        message: "this account has been deleted",
        extensions: { code: "UNAUTHENTICATED" },
      });
      expect(marketplace.lookups).toBe(0);
    },
  );

  it.skipIf(!redisUrl)("still asks marketplace about a key, together with the person beside it", async () => {
    marketplace.keys.set("vpk_live", EAT_MAP);
    const viewer = await identify({ authorization: await bearer("staying"), apiKey: "vpk_live" });
    expect(viewer).toMatchObject({ userId: "staying", partner: EAT_MAP });
    expect(marketplace.lookups).toBe(1);
  });
});
