import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { InternalIdentity } from "@venta/auth";
import { GraphQLObjectType, GraphQLSchema, GraphQLString } from "graphql";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { type ErrorTracking, startErrorTracking } from "./error-tracking.js";
import { badUserInput } from "./errors.js";
import type { RequestContext } from "./request-context.js";
import { type RunningServer, startSubgraphServer } from "./subgraph-server.js";
import { testLog } from "./test-log.harness.js";

const schema = new GraphQLSchema({
  query: new GraphQLObjectType<unknown, RequestContext>({
    name: "Query",
    fields: {
      broken: {
        type: GraphQLString,
        resolve: () => {
          throw new Error("the disk is on fire");
        },
      },
      refused: {
        type: GraphQLString,
        resolve: () => {
          throw badUserInput("no such thing");
        },
      },
    },
  }),
});

/** A stand-in for Sentry's ingest: keeps the text of every envelope POSTed to it. */
async function startEnvelopeReceiver() {
  const envelopes: string[] = [];
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => {
      if (req.method === "POST" && req.url?.startsWith("/api/1/envelope/"))
        envelopes.push(Buffer.concat(chunks).toString("utf8"));
      res.writeHead(200, { "content-type": "application/json" });
      res.end("{}");
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    port: (server.address() as AddressInfo).port,
    envelopes,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** The JSON items of an envelope: a header line, then item headers and payloads. */
const itemsOf = (envelope: string) =>
  envelope
    .split("\n")
    .filter(Boolean)
    .map((line) => JSON.parse(line) as Record<string, unknown>);

describe("error tracking", () => {
  let receiver: Awaited<ReturnType<typeof startEnvelopeReceiver>>;
  let server: RunningServer;

  const post = (query: string, headers: Record<string, string> = {}) =>
    fetch(server.url, {
      method: "POST",
      headers: { "content-type": "application/json", ...headers },
      body: JSON.stringify({ query }),
    });

  beforeAll(async () => {
    receiver = await startEnvelopeReceiver();
    server = await startSubgraphServer<RequestContext>({
      name: "test",
      host: "127.0.0.1",
      port: 0,
      log: testLog.child({ service: "testing" }),
      schema,
      identity: new InternalIdentity(new TextEncoder().encode("a-secret-for-error-tracking-tests"), {
        acceptUnsigned: true,
      }),
      createContext: (base) => base,
      healthChecks: {},
    });
  });

  afterAll(async () => {
    await server?.stop();
    await receiver?.close();
  });

  it("sends nothing and starts nothing without SENTRY_DSN", async () => {
    expect(startErrorTracking("testing", {})).toBeUndefined();
    await post("{ broken }");
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(receiver.envelopes).toEqual([]);
  });

  it("sends an unexpected resolver error with the request id and service, and no token", async () => {
    const tracking = startErrorTracking("testing", {
      SENTRY_DSN: `http://key@127.0.0.1:${receiver.port}/1`,
    }) as ErrorTracking;
    try {
      // A client's mistake is not ours: it is never reported.
      await post("{ refused }", { "x-request-id": "not-reported" });
      const response = await post("{ broken }", {
        "x-request-id": "sentry-req-7",
        authorization: "Bearer a-very-secret-token",
      });
      expect(response.headers.get("x-request-id")).toBe("sentry-req-7");
      const envelope = await vi.waitFor(
        () => {
          const found = receiver.envelopes.find((text) => text.includes("the disk is on fire"));
          expect(found).toBeDefined();
          return found as string;
        },
        { timeout: 5_000, interval: 50 },
      );
      const event = itemsOf(envelope).find((item) => "exception" in item) as {
        tags: Record<string, string>;
        exception: { values: { value: string }[] };
      };
      expect(event.tags).toMatchObject({ request_id: "sentry-req-7", service: "testing" });
      expect(event.exception.values[0]?.value).toBe("the disk is on fire");
      expect(envelope).not.toContain("a-very-secret-token");
      expect(receiver.envelopes.join("\n")).not.toContain("not-reported");
    } finally {
      await tracking.shutdown();
    }
  });
});
