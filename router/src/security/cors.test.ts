import { ConfigError } from "@venta/kit";
import { describe, expect, it } from "vitest";
import { corsPolicy } from "./cors.js";

describe("corsPolicy", () => {
  it("allows http loopback origins by default outside production, and nothing in production", () => {
    for (const env of ["development", "test"]) {
      const policy = corsPolicy(undefined, env);
      expect(policy.allows("http://localhost:5173")).toBe(true);
      expect(policy.allows("http://127.0.0.1")).toBe(true);
      expect(policy.allows("http://[::1]:8080")).toBe(true);
      expect(policy.allows("https://localhost.evil.example")).toBe(false);
      expect(policy.allows("http://localhost.evil.example:80")).toBe(false);
      expect(policy.allows("null")).toBe(false);
    }
    expect(corsPolicy("", "production").allows("http://localhost:5173")).toBe(false);
  });

  it("allows exactly the listed origins when set, and none with `none`", () => {
    const policy = corsPolicy(" https://app.example.com, http://localhost:3000 ", "production");
    expect(policy.allows("https://app.example.com")).toBe(true);
    expect(policy.allows("http://localhost:3000")).toBe(true);
    expect(policy.allows("http://localhost:3001")).toBe(false);
    expect(policy.allows("https://app.example.com.evil.example")).toBe(false);
    expect(policy.describe()).toBe("https://app.example.com, http://localhost:3000");
    expect(corsPolicy("none", "development").allows("http://localhost:5173")).toBe(false);
  });

  it("refuses a setting that is not an origin", () => {
    expect(() => corsPolicy("https://app.example.com/", "production")).toThrow(ConfigError);
    expect(() => corsPolicy("app.example.com", "production")).toThrow(ConfigError);
    expect(() => corsPolicy("*", "production")).toThrow(ConfigError);
    expect(() => corsPolicy("ftp://files.example.com", "production")).toThrow(ConfigError);
  });
});
