import { createHash } from "node:crypto";
import type { Server } from "node:http";
import { createHttpServer, listen } from "@venta/kit";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { explorerRoutes } from "./explorer-page.js";
import { mapRoutes } from "./map-page.js";
import { tileSource } from "./page-headers.js";

describe("tileSource", () => {
  it("allows the tile server's origin, a subdomain placeholder as a wildcard", () => {
    expect(tileSource("https://tile.openstreetmap.org/{z}/{x}/{y}.png")).toBe(
      "https://tile.openstreetmap.org",
    );
    expect(tileSource("https://{s}.tile.openstreetmap.org/{z}/{x}/{y}.png")).toBe(
      "https://*.tile.openstreetmap.org",
    );
    expect(tileSource("http://127.0.0.1:8080/tiles/{z}/{x}/{y}.png")).toBe("http://127.0.0.1:8080");
    expect(tileSource("//tiles.example/{z}/{x}/{y}.png")).toBe("tiles.example");
    expect(tileSource("/tiles/{z}/{x}/{y}.png")).toBe("'self'");
  });

  it("never lets a tile URL write CSP syntax, falling back to the scheme alone", () => {
    expect(tileSource("https://tiles-{s}.example.com/{z}/{x}/{y}.png")).toBe("https:");
    expect(tileSource("https://{s}.com/{z}/{x}/{y}.png")).toBe("https:");
    expect(tileSource("https://a.example;script-src *@b/{z}/{x}/{y}.png")).toBe("https:");
  });
});

describe("the pages' security headers", () => {
  let server: Server;
  let base: string;
  beforeAll(async () => {
    server = createHttpServer({
      ...mapRoutes("https://{s}.tile.example.org/{z}/{x}/{y}.png"),
      ...explorerRoutes(),
    });
    base = `http://127.0.0.1:${await listen(server, 0, "127.0.0.1")}`;
  });
  afterAll(() => new Promise((resolve) => server.close(resolve)));

  const policyOf = (response: Response) =>
    new Map(
      (response.headers.get("content-security-policy") ?? "")
        .split(";")
        .map((directive) => directive.trim().split(/\s+/))
        .map(([name = "", ...sources]) => [name, sources]),
    );

  it.each(["/map", "/explorer"])(
    "%s: no framing, no sniffing, no referrer, scripts from the router only",
    async (path) => {
      const response = await fetch(`${base}${path}`);
      expect(response.status).toBe(200);
      expect(response.headers.get("x-content-type-options")).toBe("nosniff");
      expect(response.headers.get("x-frame-options")).toBe("DENY");
      expect(response.headers.get("referrer-policy")).toBe("no-referrer");
      const policy = policyOf(response);
      expect(policy.get("default-src")).toEqual(["'none'"]);
      expect(policy.get("script-src")).toEqual(["'self'"]);
      expect(policy.get("connect-src")).toEqual(["'self'"]);
      expect(policy.get("frame-ancestors")).toEqual(["'none'"]);
      expect(policy.get("base-uri")).toEqual(["'none'"]);
    },
  );

  it("/map allows its tiles' origin and its own inline style by hash, not any inline style", async () => {
    const response = await fetch(`${base}/map`);
    const html = await response.text();
    const policy = policyOf(response);
    expect(policy.get("img-src")).toEqual(["'self'", "data:", "https://*.tile.example.org"]);
    const style = /<style>([\s\S]*?)<\/style>/.exec(html)?.[1] ?? "";
    expect(style.length).toBeGreaterThan(0);
    const hash = `'sha256-${createHash("sha256").update(style).digest("base64")}'`;
    expect(policy.get("style-src")).toEqual(["'self'", hash]);
  });

  it("marks the pages' scripts and styles nosniff too", async () => {
    for (const path of [
      "/map/live-map.js",
      "/map/vendor/leaflet.js",
      "/map/vendor/leaflet.css",
      "/explorer/explorer.js",
    ]) {
      const response = await fetch(`${base}${path}`);
      expect(response.headers.get("x-content-type-options"), path).toBe("nosniff");
    }
  });
});
