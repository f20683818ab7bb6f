import { testLogger } from "@venta/testing";
import { committedSupergraphPath } from "./config.js";
import type { RouterOptions } from "./router-server.js";
import type { SocketLimits } from "./subscriptions/socket-quota.js";

/** What a test's router needs from the test itself: where the subgraphs are, its feed, its security. */
type TestRouterBasics = Pick<RouterOptions, "subgraphUrls" | "liveFeed" | "security">;

type TestRouterOverrides = Partial<Omit<RouterOptions, "sockets">> & { sockets?: Partial<SocketLimits> };

/**
 * The options of a router started inside a test: on a free local port, over the committed
 * supergraph, with small limits; a test overrides only what it is about (socket limits are merged).
 */
export function testRouterOptions(
  basics: TestRouterBasics,
  { sockets, ...overrides }: TestRouterOverrides = {},
): RouterOptions {
  return {
    host: "127.0.0.1",
    port: 0,
    supergraphPath: committedSupergraphPath,
    subgraphTimeoutMs: 2_000,
    log: testLogger,
    liveWindowSeconds: 120,
    maxSubscriptionsPerConnection: 5,
    connectionInitTimeoutMs: 2_000,
    keepAliveMs: 12_000,
    sockets: { maxMessageBytes: 16 * 1024, maxPerAddress: 100, maxTotal: 1_000, ...sockets },
    mapTileUrl: "http://127.0.0.1:9/{z}/{x}/{y}.png",
    maxRequestBytes: 1_000_000,
    ...basics,
    ...overrides,
  };
}
