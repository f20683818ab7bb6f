import { ConfigError, internalIdentity } from "@venta/kit";
import { describe, expect, it } from "vitest";
import { introspectionForAnyone, loadRouterConfig, trustedProxyHops, usesDevIssuer } from "./config.js";

const production = {
  NODE_ENV: "production",
  AUTH_JWKS_URL: "https://clerk.venta.example/.well-known/jwks.json",
  AUTH_ISSUER: "https://clerk.venta.example",
  AUTH_AUDIENCE: "venta-api",
  INTERNAL_AUTH_SECRET: "s".repeat(40),
};

describe("router configuration", () => {
  it("uses the local development issuer and open introspection outside production", () => {
    const config = loadRouterConfig({});
    expect(usesDevIssuer(config)).toBe(true);
    expect(introspectionForAnyone(config)).toBe(true);
    expect(config.TRUSTED_DOCUMENTS).toBe("off");
  });

  it("refuses to start in production without a real identity provider", () => {
    const { AUTH_JWKS_URL: _omitted, ...withoutJwks } = production;
    expect(() => loadRouterConfig(withoutJwks)).toThrow(ConfigError);
    expect(() => loadRouterConfig(withoutJwks)).toThrow(/AUTH_JWKS_URL: required in production/);
  });

  it("refuses to start in production without the shared internal secret", () => {
    const { INTERNAL_AUTH_SECRET: _omitted, ...withoutSecret } = production;
    expect(() => internalIdentity(loadRouterConfig(withoutSecret))).toThrow(
      /INTERNAL_AUTH_SECRET: required in production/,
    );
  });

  it("in production, verifies with the provider's keys and closes introspection unless asked", () => {
    const config = loadRouterConfig(production);
    expect(usesDevIssuer(config)).toBe(false);
    expect(introspectionForAnyone(config)).toBe(false);
    expect(introspectionForAnyone(loadRouterConfig({ ...production, INTROSPECTION: "true" }))).toBe(true);
  });

  it("names each bad security variable", () => {
    const attempt = () =>
      loadRouterConfig({ TRUSTED_DOCUMENTS: "sometimes", INTERNAL_AUTH_SECRET: "short", MAX_DEPTH: "0" });
    expect(attempt).toThrow(/TRUSTED_DOCUMENTS: /);
    expect(attempt).toThrow(/INTERNAL_AUTH_SECRET: use at least 32 random characters/);
    expect(attempt).toThrow(/MAX_DEPTH: /);
  });

  it("reads the authorized parties as a list", () => {
    expect(
      loadRouterConfig({ AUTH_AUTHORIZED_PARTIES: "https://app.venta.example, https://venta.example" })
        .AUTH_AUTHORIZED_PARTIES,
    ).toEqual(["https://app.venta.example", "https://venta.example"]);
  });

  it("refuses to start in production with keys fetched over plain http from another machine", () => {
    for (const url of [
      "http://clerk.venta.example/.well-known/jwks.json",
      "http://10.0.0.5/jwks.json",
      "ftp://x/jwks",
    ]) {
      expect(() => loadRouterConfig({ ...production, AUTH_JWKS_URL: url }), url).toThrow(
        /AUTH_JWKS_URL: must be an https: URL in production/,
      );
    }
    // Loopback never leaves the machine; outside production anything goes.
    expect(
      loadRouterConfig({ ...production, AUTH_JWKS_URL: "http://127.0.0.1:9000/jwks.json" }).AUTH_JWKS_URL,
    ).toBe("http://127.0.0.1:9000/jwks.json");
    expect(loadRouterConfig({ AUTH_JWKS_URL: "http://idp.test/jwks.json" }).AUTH_JWKS_URL).toBe(
      "http://idp.test/jwks.json",
    );
  });

  it("trusts as many X-Forwarded-For hops as configured, and TRUST_PROXY=true as one", () => {
    expect(trustedProxyHops(loadRouterConfig({}))).toBe(0);
    expect(trustedProxyHops(loadRouterConfig({ TRUST_PROXY: "true" }))).toBe(1);
    expect(trustedProxyHops(loadRouterConfig({ TRUSTED_PROXY_HOPS: "2", TRUST_PROXY: "true" }))).toBe(2);
    expect(trustedProxyHops(loadRouterConfig({ TRUSTED_PROXY_HOPS: "", TRUST_PROXY: "true" }))).toBe(1);
    expect(() => loadRouterConfig({ TRUSTED_PROXY_HOPS: "-1" })).toThrow(/TRUSTED_PROXY_HOPS/);
  });
});
