import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { exportJWK, generateKeyPair, type JSONWebKeySet, SignJWT } from "jose";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { remoteKeySet } from "./key-sets.js";
import { createTokenVerifier, type TokenVerifier } from "./token-verifier.js";

const ISSUER = "https://clerk.venta.test";
const AUDIENCE = "venta-api";

type KeyPair = Awaited<ReturnType<typeof generateKeyPair>>;

/** A stand-in for the identity provider's JWKS endpoint: a real HTTP server we can rotate keys on. */
let server: Server;
let published: JSONWebKeySet = { keys: [] };
let fetches = 0;
let signing: KeyPair;
let verify: TokenVerifier;

async function publish(kid: string, pair: KeyPair) {
  published = { keys: [...published.keys, { ...(await exportJWK(pair.publicKey)), kid, alg: "RS256" }] };
}

function token(
  claims: Record<string, unknown> = {},
  options: { kid?: string; key?: KeyPair; exp?: number } = {},
) {
  const now = Math.floor(Date.now() / 1000);
  return new SignJWT({ azp: "https://app.venta.test", roles: ["vendor"], ...claims })
    .setProtectedHeader({ alg: "RS256", kid: options.kid ?? "k1" })
    .setSubject("user-1")
    .setIssuer((claims.iss as string | undefined) ?? ISSUER)
    .setAudience((claims.aud as string | undefined) ?? AUDIENCE)
    .setIssuedAt(now - 60)
    .setExpirationTime(options.exp ?? now + 600)
    .sign((options.key ?? signing).privateKey);
}

const codeOf = async (promise: Promise<unknown>) =>
  promise.then(
    () => "accepted",
    (error: { extensions?: { code?: string }; message: string }) =>
      `${error.extensions?.code}: ${error.message}`,
  );

beforeAll(async () => {
  signing = await generateKeyPair("RS256");
  await publish("k1", signing);
  server = createServer((_req, res) => {
    fetches += 1;
    res.writeHead(200, { "content-type": "application/json" });
    res.end(JSON.stringify(published));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  verify = createTokenVerifier({
    keys: remoteKeySet(`http://127.0.0.1:${port}/.well-known/jwks.json`, { cooldownMs: 0 }),
    issuer: ISSUER,
    audience: AUDIENCE,
    authorizedParties: ["https://app.venta.test"],
  });
});

afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

describe("bearer token verification", () => {
  it("accepts a valid token and reads the person and roles from it", async () => {
    const viewer = await verify(await token({ roles: ["vendor", "customer", "partner", "root"] }));
    expect(viewer).toEqual({ userId: "user-1", roles: ["VENDOR", "CUSTOMER"], partner: null });
  });

  it("reads a single role claim and makes a token without roles a customer's", async () => {
    expect((await verify(await token({ roles: undefined, role: "admin" }))).roles).toEqual(["ADMIN"]);
    expect((await verify(await token({ roles: undefined }))).roles).toEqual(["CUSTOMER"]);
  });

  it("fetches the key set once and serves later tokens from its cache", async () => {
    const before = fetches;
    await verify(await token());
    await verify(await token());
    expect(fetches).toBe(before);
  });

  it("rejects an expired token, allowing 5 seconds of clock skew", async () => {
    const now = Math.floor(Date.now() / 1000);
    expect(await codeOf(verify(await token({}, { exp: now - 3 })))).toBe("accepted");
    expect(await codeOf(verify(await token({}, { exp: now - 30 })))).toMatch(/^UNAUTHENTICATED: .*expired/);
  });

  it("rejects a token from another issuer or for another audience", async () => {
    expect(await codeOf(verify(await token({ iss: "https://evil.test" })))).toMatch(
      /^UNAUTHENTICATED: .*issuer/,
    );
    expect(await codeOf(verify(await token({ aud: "another-api" })))).toMatch(
      /^UNAUTHENTICATED: .*not meant/,
    );
  });

  it("rejects a token requested by an application that is not ours", async () => {
    expect(await codeOf(verify(await token({ azp: "https://evil.test" })))).toMatch(
      /^UNAUTHENTICATED: .*another application/,
    );
    expect(await codeOf(verify(await token({ azp: undefined })))).toMatch(/^UNAUTHENTICATED/);
  });

  it("rejects a forged token: signed by another key under a known key id", async () => {
    const forger = await generateKeyPair("RS256");
    expect(await codeOf(verify(await token({}, { key: forger })))).toMatch(/^UNAUTHENTICATED: .*signature/);
  });

  it("rejects garbage and an unsigned token", async () => {
    expect(await codeOf(verify("not-a-jwt"))).toMatch(/^UNAUTHENTICATED/);
    const unsigned = `${Buffer.from('{"alg":"none"}').toString("base64url")}.${Buffer.from(
      JSON.stringify({ sub: "admin", iss: ISSUER, aud: AUDIENCE, exp: 9e9, roles: ["admin"] }),
    ).toString("base64url")}.`;
    expect(await codeOf(verify(unsigned))).toMatch(/^UNAUTHENTICATED/);
  });

  it("picks up a rotated key without a restart", async () => {
    const rotated = await generateKeyPair("RS256");
    await publish("k2", rotated);
    const viewer = await verify(await token({}, { kid: "k2", key: rotated }));
    expect(viewer.userId).toBe("user-1");
  });
});
