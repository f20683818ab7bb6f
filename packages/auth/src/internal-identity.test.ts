import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { SignJWT } from "jose";
import { describe, expect, it, vi } from "vitest";
import { InternalIdentity, internalSecret } from "./internal-identity.js";
import { anonymous, partnerViewer, personViewer } from "./viewer.js";

const secret = new TextEncoder().encode("a-secret-only-router-and-subgraphs-share");

describe("the identity the router vouches for", () => {
  const identity = new InternalIdentity(secret);

  it("carries a person and a partner key to the subgraph intact", async () => {
    const person = personViewer("user-7", ["VENDOR", "CUSTOMER"]);
    expect(await identity.verify(await identity.sign(person))).toEqual(person);
    const partner = partnerViewer({ keyId: "key-1", name: "Eat Map", scopes: ["READ"] });
    expect(await identity.verify(await identity.sign(partner))).toEqual(partner);
  });

  it("refuses a request without the header, as it refuses a forged one", async () => {
    for (const missing of [undefined, ""]) {
      await expect(identity.verify(missing)).rejects.toMatchObject({
        extensions: { code: "UNAUTHENTICATED", http: { status: 401 } },
      });
    }
  });

  it("serves a request without the header as anonymous only when told to accept unsigned calls", async () => {
    const alone = new InternalIdentity(secret, { acceptUnsigned: true });
    expect(await alone.verify(undefined)).toEqual({ userId: null, roles: [], partner: null });
    // Accepting unsigned calls never means accepting forged ones.
    const forged = await new InternalIdentity(new TextEncoder().encode("guessed")).sign(
      personViewer("u", ["ADMIN"]),
    );
    await expect(alone.verify(forged)).rejects.toMatchObject({ extensions: { code: "UNAUTHENTICATED" } });
  });

  it("signs an anonymous caller too, and the signature verifies as anonymous", async () => {
    expect(await identity.verify(await identity.sign(anonymous))).toEqual(anonymous);
  });

  it("refuses a header signed with another secret", async () => {
    const forged = await new InternalIdentity(new TextEncoder().encode("guessed")).sign(
      personViewer("user-7", ["ADMIN"]),
    );
    await expect(identity.verify(forged)).rejects.toMatchObject({ extensions: { code: "UNAUTHENTICATED" } });
  });

  it("refuses a header that expired", async () => {
    const stale = await new SignJWT({ roles: ["ADMIN"] })
      .setProtectedHeader({ alg: "HS256" })
      .setSubject("user-7")
      .setIssuer("venta-router")
      .setAudience("venta-subgraphs")
      .setExpirationTime(Math.floor(Date.now() / 1000) - 60)
      .sign(secret);
    await expect(identity.verify(stale)).rejects.toMatchObject({ extensions: { code: "UNAUTHENTICATED" } });
  });

  it("stops accepting a header it has accepted before once the header expires", async () => {
    vi.useFakeTimers({ now: new Date("2026-12-07T12:00:00Z"), toFake: ["Date"] });
    try {
      const header = await identity.sign(personViewer("user-1", ["CUSTOMER"]));
      expect((await identity.verify(header)).userId).toBe("user-1");
      vi.setSystemTime(new Date("2026-12-07T12:01:10Z"));
      await expect(identity.verify(header)).rejects.toMatchObject({
        extensions: { code: "UNAUTHENTICATED" },
      });
    } finally {
      vi.useRealTimers();
    }
  });

  it("refuses a bearer token passed off as the internal header", async () => {
    await expect(identity.verify("eyJhbGciOiJub25lIn0.eyJzdWIiOiJ4In0.")).rejects.toMatchObject({
      extensions: { code: "UNAUTHENTICATED" },
    });
  });

  it("shares one development secret between services using the same data directory", () => {
    const dataDir = mkdtempSync(join(tmpdir(), "venta-auth-"));
    const first = internalSecret({ dataDir });
    expect(internalSecret({ dataDir })).toEqual(first);
    expect(first.length).toBeGreaterThanOrEqual(32);
    expect(internalSecret({ configured: "from-env-xxxxxxxxxxxxxxxxxxxxxxxxxxxxx", dataDir })).not.toEqual(
      first,
    );
  });
});
