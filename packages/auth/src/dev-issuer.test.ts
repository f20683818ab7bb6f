import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { DEV_AUDIENCE, DEV_ISSUER, DevIssuer } from "./dev-issuer.js";
import { createTokenVerifier } from "./token-verifier.js";

describe("the development issuer", () => {
  it("signs tokens that a verifier using another process's copy of the key accepts", async () => {
    const dataDir = mkdtempSync(join(tmpdir(), "venta-issuer-"));
    const [signer, router] = await Promise.all([DevIssuer.open(dataDir), DevIssuer.open(dataDir)]);
    expect(router.jwks()).toEqual(signer.jwks());
    expect(JSON.stringify(router.jwks())).not.toContain('"d"');
    const verify = createTokenVerifier({ keys: router.keySet(), issuer: DEV_ISSUER, audience: DEV_AUDIENCE });
    const viewer = await verify(await signer.sign({ userId: "demo-vendor", roles: ["VENDOR"] }));
    expect(viewer).toEqual({ userId: "demo-vendor", roles: ["VENDOR"], partner: null });
  });

  it("makes tokens a verifier with another data directory rejects", async () => {
    const mine = await DevIssuer.open(mkdtempSync(join(tmpdir(), "venta-issuer-")));
    const theirs = await DevIssuer.open(mkdtempSync(join(tmpdir(), "venta-issuer-")));
    const verify = createTokenVerifier({ keys: mine.keySet(), issuer: DEV_ISSUER, audience: DEV_AUDIENCE });
    await expect(verify(await theirs.sign({ userId: "x", roles: ["ADMIN"] }))).rejects.toMatchObject({
      extensions: { code: "UNAUTHENTICATED" },
    });
  });
});
