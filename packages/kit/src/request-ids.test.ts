import { Writable } from "node:stream";
import { InternalIdentity } from "@venta/auth";
import { GraphQLObjectType, GraphQLSchema, GraphQLString } from "graphql";
import { pino } from "pino";
import { afterEach, describe, expect, it } from "vitest";
import { createHttpServer, listen, sendJson } from "./http-server.js";
import type { RequestContext } from "./request-context.js";
import { acceptRequestId, requestScopeOf } from "./request-scope.js";
import { type RunningServer, startSubgraphServer } from "./subgraph-server.js";

/** A logger whose JSON lines the test reads back. */
function capturedLog() {
  const lines: Record<string, unknown>[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      for (const line of chunk.toString("utf8").split("\n").filter(Boolean))
        lines.push(JSON.parse(line) as Record<string, unknown>);
      done();
    },
  });
  return { lines, log: pino({ level: "info", base: { service: "test" } }, sink) };
}

const schema = new GraphQLSchema({
  query: new GraphQLObjectType<unknown, RequestContext>({
    name: "Query",
    fields: {
      requestId: { type: GraphQLString, resolve: (_root, _args, ctx) => ctx.requestId },
      broken: {
        type: GraphQLString,
        resolve: () => {
          throw new Error("the disk is on fire");
        },
      },
    },
  }),
});

describe("acceptRequestId", () => {
  it("keeps a sane id and replaces anything else", () => {
    expect(acceptRequestId("abc-123_x.y")).toBe("abc-123_x.y");
    expect(acceptRequestId("a".repeat(128))).toBe("a".repeat(128));
    for (const bad of ["a".repeat(129), "", "with space", "new\nline", "<script>", undefined, ["a", "b"]]) {
      const accepted = acceptRequestId(bad);
      expect(accepted).not.toBe(bad);
      expect(accepted).toMatch(/^[0-9a-f-]{36}$/);
    }
  });
});

describe("request ids over HTTP", () => {
  const running: { stop(): Promise<void> }[] = [];
  afterEach(async () => {
    await Promise.all(running.splice(0).map((server) => server.stop()));
  });

  it("echoes the caller's id, or a fresh one, on every answer, 404s included", async () => {
    const seen: (string | undefined)[] = [];
    const server = createHttpServer({
      "/here": (req, res) => {
        seen.push(requestScopeOf(req)?.requestId);
        sendJson(res, 200, {});
      },
    });
    const port = await listen(server, 0, "127.0.0.1");
    running.push({ stop: () => new Promise((resolve) => server.close(() => resolve())) });
    const base = `http://127.0.0.1:${port}`;

    const given = await fetch(`${base}/here`, { headers: { "x-request-id": "req-1.a_b" } });
    expect(given.headers.get("x-request-id")).toBe("req-1.a_b");
    expect(seen).toEqual(["req-1.a_b"]);

    const forged = await fetch(`${base}/here`, { headers: { "x-request-id": "x".repeat(200) } });
    expect(forged.headers.get("x-request-id")).toMatch(/^[0-9a-f-]{36}$/);

    const missing = await fetch(`${base}/nowhere`);
    expect(missing.status).toBe(404);
    expect(missing.headers.get("x-request-id")).toMatch(/^[0-9a-f-]{36}$/);
  });

  it("gives resolvers the id and writes it into the unexpected-error log", async () => {
    const { lines, log } = capturedLog();
    const server: RunningServer = await startSubgraphServer<RequestContext>({
      name: "test",
      host: "127.0.0.1",
      port: 0,
      log,
      schema,
      identity: new InternalIdentity(new TextEncoder().encode("a-secret-for-request-id-tests"), {
        acceptUnsigned: true,
      }),
      createContext: (base) => base,
      healthChecks: {},
    });
    running.push(server);
    const response = await fetch(server.url, {
      method: "POST",
      headers: { "content-type": "application/json", "x-request-id": "trace-me-42" },
      body: JSON.stringify({ query: "{ requestId broken }" }),
    });
    expect(response.headers.get("x-request-id")).toBe("trace-me-42");
    const body = (await response.json()) as { data: { requestId: string }; errors: { message: string }[] };
    expect(body.data.requestId).toBe("trace-me-42");
    expect(body.errors[0]?.message).toBe("Internal server error");
    const unexpected = lines.filter((line) => line.msg === "unexpected error while resolving a request");
    // Once, with the request's id: the formatter does not log it a second time without one.
    expect(unexpected).toHaveLength(1);
    expect(unexpected[0]).toMatchObject({ requestId: "trace-me-42", service: "test" });
  });
});
