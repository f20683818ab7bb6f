import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import type { Server } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createHttpServer, internalIdentity, listen, type RouteHandler, sendJson } from "@venta/kit";
import { SqliteLiveFeed } from "@venta/live";
import { testLogger } from "@venta/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadRouterConfig } from "./config.js";
import { testRouterOptions } from "./router-options.harness.js";
import { type RunningRouter, startRouter } from "./router-server.js";
import { corsPolicy } from "./security/cors.js";
import { routerSecurity } from "./security/router-security.js";
import type { SubgraphName } from "./subgraphs.js";

/** A stand-in subgraph that only answers its health paths, with a status the test sets. */
interface FakeSubgraph {
  url: string;
  status: number;
  readyProbes: number;
  server: Server;
}

async function fakeSubgraph(): Promise<FakeSubgraph> {
  const answer: RouteHandler = (_req, res) =>
    sendJson(res, fake.status, { status: fake.status === 200 ? "ok" : "down" });
  const server = createHttpServer({
    "/health/ready": (req, res) => {
      fake.readyProbes += 1;
      return answer(req, res);
    },
    "/health": answer,
  });
  const fake: FakeSubgraph = { url: "", status: 200, readyProbes: 0, server };
  const port = await listen(server, 0, "127.0.0.1");
  fake.url = `http://127.0.0.1:${port}/graphql`;
  return fake;
}

/** Shorter than the default, so the test need not wait a second for the cache to expire. */
const CACHE_MS = 200;

describe("the router's health paths and CORS policy", () => {
  let dataDir: string;
  let router: RunningRouter;
  let base: string;
  let liveFeed: SqliteLiveFeed;
  let subgraphs: Record<SubgraphName, FakeSubgraph>;
  const names: SubgraphName[] = ["marketplace", "location", "communication"];

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), "venta-router-health-"));
    subgraphs = {
      marketplace: await fakeSubgraph(),
      location: await fakeSubgraph(),
      communication: await fakeSubgraph(),
    };
    const config = loadRouterConfig({
      NODE_ENV: "test",
      DATA_DIR: dataDir,
      INTERNAL_AUTH_SECRET: "s".repeat(40),
    });
    const security = await routerSecurity(
      config,
      internalIdentity(config),
      subgraphs.marketplace.url,
      testLogger,
    );
    liveFeed = new SqliteLiveFeed(join(dataDir, `live-${randomBytes(4).toString("hex")}.db`));
    router = await startRouter(
      testRouterOptions(
        {
          subgraphUrls: {
            marketplace: subgraphs.marketplace.url,
            location: subgraphs.location.url,
            communication: subgraphs.communication.url,
          },
          liveFeed,
          security,
        },
        { cors: corsPolicy(config.CORS_ORIGINS, config.NODE_ENV), readinessCacheMs: CACHE_MS },
      ),
    );
    base = `http://127.0.0.1:${router.port}`;
  });

  afterAll(async () => {
    await router?.stop();
    await liveFeed?.close();
    for (const name of names) subgraphs?.[name].server.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  const ready = async () => {
    const response = await fetch(`${base}/health/ready`);
    return { status: response.status, body: (await response.json()) as Record<string, unknown> };
  };
  /** Past the cache period, so the next probe asks the subgraphs again. */
  const afterCache = () => new Promise((resolve) => setTimeout(resolve, CACHE_MS + 20));

  describe("health", () => {
    it("is live while it serves", async () => {
      const response = await fetch(`${base}/health/live`);
      expect(response.status).toBe(200);
      expect(await response.json()).toEqual({ status: "ok", service: "router" });
    });

    it("is ready when every subgraph is, and asks each once however many probes arrive together", async () => {
      await afterCache();
      const before = names.map((name) => subgraphs[name].readyProbes);
      const answers = await Promise.all(Array.from({ length: 10 }, () => ready()));
      expect(answers.map((a) => a.status)).toEqual(Array(10).fill(200));
      expect(answers[0]?.body).toMatchObject({
        status: "ok",
        subgraphs: {
          marketplace: { status: "ok" },
          location: { status: "ok" },
          communication: { status: "ok" },
        },
      });
      expect(names.map((name, i) => subgraphs[name].readyProbes - (before[i] ?? 0))).toEqual([1, 1, 1]);
      // Still within the period: answered from the cache.
      expect((await ready()).status).toBe(200);
      expect(names.map((name, i) => subgraphs[name].readyProbes - (before[i] ?? 0))).toEqual([1, 1, 1]);
    });

    it("is not ready while a subgraph is not, and the human report answers 503 degraded", async () => {
      subgraphs.location.status = 503;
      try {
        await afterCache();
        const answer = await ready();
        expect(answer.status).toBe(503);
        expect(answer.body).toMatchObject({
          status: "degraded",
          subgraphs: {
            location: { status: "down", detail: "readiness answered 503" },
            marketplace: { status: "ok" },
          },
        });
        const health = await fetch(`${base}/health`);
        expect(health.status).toBe(503);
        expect(await health.json()).toMatchObject({
          status: "degraded",
          subgraphs: { location: { status: "down" } },
        });
        // Liveness does not depend on any subgraph.
        expect((await fetch(`${base}/health/live`)).status).toBe(200);
      } finally {
        subgraphs.location.status = 200;
      }
      await afterCache();
      expect((await ready()).status).toBe(200);
      expect((await fetch(`${base}/health`)).status).toBe(200);
    });
  });

  describe("CORS", () => {
    const preflight = (origin: string, headers = "content-type, authorization") =>
      fetch(`${base}/graphql`, {
        method: "OPTIONS",
        headers: {
          origin,
          "access-control-request-method": "POST",
          "access-control-request-headers": headers,
        },
      });

    it("answers a preflight from an allowed origin with the methods, headers and max-age", async () => {
      const response = await preflight("http://localhost:5173");
      expect(response.status).toBe(204);
      expect(response.headers.get("access-control-allow-origin")).toBe("http://localhost:5173");
      expect(response.headers.get("access-control-allow-methods")).toBe("GET, POST, OPTIONS");
      const allowed = response.headers.get("access-control-allow-headers")?.split(", ");
      expect(allowed).toEqual(
        expect.arrayContaining([
          "content-type",
          "authorization",
          "x-api-key",
          "apollo-require-preflight",
          "x-request-id",
          "traceparent",
        ]),
      );
      expect(response.headers.get("access-control-max-age")).toBe("600");
      expect(response.headers.get("access-control-allow-credentials")).toBeNull();
      expect(response.headers.get("vary")).toBe("Origin");
    });

    it("gives a disallowed origin's preflight no Access-Control-* header", async () => {
      const response = await preflight("https://evil.example");
      expect(response.status).toBe(403);
      const cors = [...response.headers.keys()].filter((key) => key.startsWith("access-control-"));
      expect(cors).toEqual([]);
    });

    it("lets an allowed origin read a JSON POST's answer, and no other origin", async () => {
      const post = (origin: string) =>
        fetch(`${base}/graphql`, {
          method: "POST",
          headers: { origin, "content-type": "application/json" },
          body: JSON.stringify({ query: "{ __typename }" }),
        });
      const allowed = await post("http://127.0.0.1:3000");
      expect(allowed.status).toBe(200);
      expect(await allowed.json()).toEqual({ data: { __typename: "Query" } });
      expect(allowed.headers.get("access-control-allow-origin")).toBe("http://127.0.0.1:3000");
      expect(allowed.headers.get("access-control-expose-headers")).toBe("x-request-id");
      const other = await post("https://evil.example");
      expect(other.headers.get("access-control-allow-origin")).toBeNull();
    });

    it("still refuses the simple requests a browser sends cross-site without a preflight (CSRF)", async () => {
      const textPlain = await fetch(`${base}/graphql`, {
        method: "POST",
        headers: { origin: "http://localhost:5173", "content-type": "text/plain" },
        body: JSON.stringify({ query: "{ __typename }" }),
      });
      expect(textPlain.status).toBe(400);
      const simpleGet = await fetch(`${base}/graphql?query=${encodeURIComponent("{ __typename }")}`, {
        headers: { origin: "http://localhost:5173" },
      });
      expect(simpleGet.status).toBe(400);
      expect(await simpleGet.text()).toContain("CSRF");
      const preflighted = await fetch(`${base}/graphql?query=${encodeURIComponent("{ __typename }")}`, {
        headers: { origin: "http://localhost:5173", "apollo-require-preflight": "true" },
      });
      expect(preflighted.status).toBe(200);
    });
  });
});
