import type { Server } from "node:http";
import { connect, type Socket } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import {
  createHttpServer,
  isPlainPath,
  listen,
  type RouteHandler,
  readRawBody,
  routeFor,
  sendJson,
} from "./http-server.js";

/** Sends `head` as raw bytes (no client normalises the path) and resolves with the whole answer. */
function rawRequest(port: number, head: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, "127.0.0.1", () => socket.write(head));
    const chunks: Buffer[] = [];
    socket.on("data", (chunk: Buffer) => chunks.push(chunk));
    socket.on("end", () => resolve(Buffer.concat(chunks).toString("latin1")));
    socket.on("error", reject);
  });
}

describe("routeFor", () => {
  const exact: RouteHandler = () => {};
  const media: RouteHandler = () => {};
  const deep: RouteHandler = () => {};
  const routes = { "/media/special": exact, "/media/*": media, "/media/a/b/*": deep };

  it("prefers an exact path, then the nearest wildcard above the path", () => {
    expect(routeFor(routes, "/media/special")).toBe(exact);
    expect(routeFor(routes, "/media/x")).toBe(media);
    expect(routeFor(routes, "/media/a/x")).toBe(media);
    expect(routeFor(routes, "/media/a/b/c")).toBe(deep);
  });

  it("serves nothing above or beside a wildcard's prefix", () => {
    expect(routeFor(routes, "/media")).toBeUndefined();
    expect(routeFor(routes, "/mediax/y")).toBeUndefined();
    expect(routeFor(routes, "/")).toBeUndefined();
    expect(routeFor({ "/*": exact }, "/anything")).toBeUndefined();
  });

  it("gives a wildcard no path that would mean another one once decoded or normalised", () => {
    for (const path of [
      "/media/..",
      "/media/../graphql",
      "/media/./x",
      "/media/%2e%2e/graphql",
      "/media/%2E%2E/graphql",
      "/media/.%2e/graphql",
      "/media/%252e%252e/graphql",
      "/media/a%2f..%2f..%2fgraphql",
      "/media/a%2F..%2Fgraphql",
      "/media/..%5cgraphql",
      "/media\\..\\graphql",
      "/media/a\\b",
      "/media//x",
      "/media/x/",
      "/media/x%00",
      "/media/x y",
      "media/x",
      "http://evil/media/x",
    ]) {
      expect(routeFor(routes, path), path).toBeUndefined();
    }
  });
});

describe("isPlainPath", () => {
  it("accepts the paths our routes name, and ids made of URL-safe characters", () => {
    for (const path of ["/", "/graphql", "/health", "/media/2b/a1b2-c3_d4.e5~f", "/.well-known/jwks.json"]) {
      expect(isPlainPath(path), path).toBe(true);
    }
  });
});

describe("createHttpServer", () => {
  let server: Server | undefined;
  afterEach(async () => {
    server?.closeAllConnections();
    await new Promise((resolve) => server?.close(resolve));
    server = undefined;
  });

  const start = async (timeouts = { headersTimeoutMs: 300, requestTimeoutMs: 600 }) => {
    server = createHttpServer(
      {
        "/ok": (_req, res) => sendJson(res, 200, { ok: true }),
        "/upload": async (req, res) => sendJson(res, 200, { bytes: (await readRawBody(req))?.length }),
        "/files/*": (_req, res) => sendJson(res, 200, {}),
      },
      timeouts,
    );
    return listen(server, 0, "127.0.0.1");
  };

  /** All the server says on `socket` until it closes the connection. */
  const everythingUntilClosed = (socket: Socket) =>
    new Promise<string>((resolve) => {
      const chunks: Buffer[] = [];
      socket.on("data", (chunk: Buffer) => chunks.push(chunk));
      socket.on("close", () => resolve(Buffer.concat(chunks).toString("latin1")));
    });

  it("answers 404 to an encoded dot segment under a wildcard route, sent as raw bytes", async () => {
    const port = await start();
    const answer = await rawRequest(
      port,
      "GET /files/%2e%2e/ok HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n",
    );
    expect(answer).toMatch(/^HTTP\/1\.1 404 /);
  });

  it("marks JSON answers nosniff", async () => {
    const port = await start();
    const answer = await rawRequest(port, "GET /ok HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
    expect(answer).toMatch(/^HTTP\/1\.1 200 /);
    expect(answer.toLowerCase()).toContain("x-content-type-options: nosniff");
  });

  it("cuts off a client that never finishes sending its headers", async () => {
    const port = await start();
    const socket = connect(port, "127.0.0.1");
    const closed = everythingUntilClosed(socket);
    socket.write("GET /ok HTTP/1.1\r\nHost: x\r\n");
    // One more header line now and then, never the blank line that ends them.
    const drip = setInterval(() => socket.writable && socket.write("X-Drip: 1\r\n"), 50);
    try {
      expect(await closed).toMatch(/^HTTP\/1\.1 408 /);
    } finally {
      clearInterval(drip);
    }
  });

  it("cuts off a client that never finishes sending its body", async () => {
    const port = await start();
    const socket = connect(port, "127.0.0.1");
    const closed = everythingUntilClosed(socket);
    socket.on("error", () => {});
    socket.write("POST /upload HTTP/1.1\r\nHost: x\r\nContent-Length: 1000\r\n\r\n");
    const drip = setInterval(() => socket.writable && socket.write("x"), 50);
    try {
      expect(await closed).toMatch(/^HTTP\/1\.1 408 /);
    } finally {
      clearInterval(drip);
    }
  });

  it("keeps an idle keep-alive connection open past the header deadline, for the next request", async () => {
    const port = await start({ headersTimeoutMs: 100, requestTimeoutMs: 200 });
    const socket = connect(port, "127.0.0.1");
    const answers: string[] = [];
    let closed = false;
    socket.on("close", () => {
      closed = true;
    });
    const nextAnswer = () =>
      new Promise<string>((resolve) =>
        socket.once("data", (chunk: Buffer) => resolve(chunk.toString("latin1"))),
      );
    socket.write("GET /ok HTTP/1.1\r\nHost: x\r\n\r\n");
    answers.push(await nextAnswer());
    // Idle for several header deadlines and checking sweeps: the connection must stay usable.
    await new Promise((resolve) => setTimeout(resolve, 600));
    expect(closed).toBe(false);
    socket.write("GET /ok HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
    answers.push(await nextAnswer());
    expect(answers.map((answer) => answer.slice(0, 15))).toEqual(["HTTP/1.1 200 OK", "HTTP/1.1 200 OK"]);
    socket.destroy();
  });
});
