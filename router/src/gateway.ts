import { readFileSync } from "node:fs";
import { ApolloGateway, RemoteGraphQLDataSource } from "@apollo/gateway";
import type { SubgraphName } from "./subgraphs.js";

export interface RouterContext {
  requestId: string;
}

/**
 * The gateway plans each operation over the committed supergraph; it never fetches schemas at run
 * time, so what serves traffic is exactly what was composed and reviewed.
 */
export function createGateway(
  supergraphPath: string,
  urls: Record<SubgraphName, string>,
  timeoutMs: number,
): ApolloGateway {
  return new ApolloGateway({
    supergraphSdl: readFileSync(supergraphPath, "utf8"),
    buildService: ({ name, url }) =>
      new SubgraphDataSource({ url: urls[name as SubgraphName] ?? url, timeoutMs }),
  });
}

class SubgraphDataSource extends RemoteGraphQLDataSource<RouterContext> {
  constructor({ url, timeoutMs }: { url: string; timeoutMs: number }) {
    // Node's fetch pools keep-alive connections per origin, so subgraph calls skip the TCP handshake.
    super({
      url,
      fetcher: (input, init) => fetch(input, { ...init, signal: AbortSignal.timeout(timeoutMs) }),
    });
  }

  override willSendRequest({
    request,
    context,
  }: Parameters<RemoteGraphQLDataSource<RouterContext>["willSendRequest"] & {}>[0]) {
    if (context.requestId) request.http?.headers.set("x-request-id", context.requestId);
  }
}
