import { describe, expect, it } from "vitest";
import { z } from "zod";
import { baseEnv, ConfigError, envVar, httpTimeouts, loadConfig } from "./config.js";

describe("loadConfig", () => {
  const schema = baseEnv.extend({ LOCATION_PORT: envVar.port(4002), DEMO: envVar.flag(false) });

  it("applies defaults and coerces values", () => {
    const config = loadConfig(schema, { LOCATION_PORT: "5002", DEMO: "yes", REDIS_URL: "" });
    expect(config).toMatchObject({ LOCATION_PORT: 5002, DEMO: true, HOST: "127.0.0.1", LOG_LEVEL: "info" });
    expect(config.REDIS_URL).toBeUndefined();
  });

  it("stops with a message naming every bad variable", () => {
    const attempt = () =>
      loadConfig(schema, { LOCATION_PORT: "70000", LOG_LEVEL: "loud", MONGODB_URI: "postgres://x" });
    expect(attempt).toThrow(ConfigError);
    expect(attempt).toThrow(/LOCATION_PORT[\s\S]*LOG_LEVEL[\s\S]*MONGODB_URI|LOG_LEVEL[\s\S]*LOCATION_PORT/);
    try {
      attempt();
    } catch (error) {
      for (const name of ["LOCATION_PORT", "LOG_LEVEL", "MONGODB_URI"])
        expect((error as Error).message).toContain(name);
    }
  });

  it("accepts any zod schema", () => {
    expect(loadConfig(z.object({ A: z.string().default("a") }), {})).toEqual({ A: "a" });
  });
});

describe("httpTimeouts", () => {
  it("bounds how long a client may take to send a request, and refuses a header deadline past the request's", () => {
    expect(httpTimeouts(loadConfig(baseEnv, {}))).toEqual({
      headersTimeoutMs: 15_000,
      requestTimeoutMs: 120_000,
    });
    const inverted = loadConfig(baseEnv, {
      HTTP_HEADERS_TIMEOUT_MS: "5000",
      HTTP_REQUEST_TIMEOUT_MS: "1000",
    });
    expect(() => httpTimeouts(inverted)).toThrow(/HTTP_HEADERS_TIMEOUT_MS/);
  });
});
