import { createServer, request } from "node:http";
import type { AddressInfo } from "node:net";

export interface CountingProxy {
  /** The proxy's `/graphql`, to give the router instead of the subgraph's. */
  url: string;
  /** GraphQL requests that reached the subgraph through the proxy. */
  readonly requests: number;
  /** Requests to one path (such as an internal route) that reached the subgraph. */
  requestsTo(path: string): number;
  /** Where requests go: set once the subgraph is up (its port is chosen when it starts). */
  target: string;
  close(): Promise<void>;
}

/** A transparent HTTP proxy in front of a real subgraph that counts what the router asks of it. */
export async function countingProxy(): Promise<CountingProxy> {
  let requests = 0;
  const byPath = new Map<string, number>();
  let target = "http://127.0.0.1:9";
  const server = createServer((incoming, outgoing) => {
    if (incoming.url?.startsWith("/graphql")) requests += 1;
    const path = new URL(incoming.url ?? "/", "http://proxy").pathname;
    byPath.set(path, (byPath.get(path) ?? 0) + 1);
    const forwarded = request(
      new URL(incoming.url ?? "/", target),
      { method: incoming.method, headers: incoming.headers },
      (response) => {
        outgoing.writeHead(response.statusCode ?? 502, response.headers);
        response.pipe(outgoing);
      },
    );
    forwarded.on("error", () => outgoing.destroy());
    incoming.pipe(forwarded);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/graphql`,
    get requests() {
      return requests;
    },
    requestsTo: (path) => byPath.get(path) ?? 0,
    get target() {
      return target;
    },
    set target(url: string) {
      target = url;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
