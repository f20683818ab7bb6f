import { readFileSync } from "node:fs";
import { ApolloGateway, RemoteGraphQLDataSource } from "@apollo/gateway";
import { IDENTITY_HEADER, type InternalIdentity, type Viewer } from "@venta/auth";
import { ConfigError, ErrorCode, injectTraceContext, type Logger, type RequestScope } from "@venta/kit";
import { GraphQLError } from "graphql";
import type { SingleFetchPlans } from "./execution/single-fetch-plans.js";
import { timedFetcher } from "./metrics/router-metrics.js";
import { keepAliveFetcher } from "./subgraph-fetcher.js";
import type { SubgraphName } from "./subgraphs.js";

export interface RouterContext {
  requestId: string;
  viewer: Viewer;
  /** The viewer, signed for the subgraphs once per request; when absent, each subgraph call signs it. */
  identityHeader?: Promise<string>;
  /** Set on the router's own operations (live events' vendors), which were vetted as subscriptions. */
  internal?: boolean;
  /** The HTTP request's access-log scope, where the operation's name is noted once resolved. */
  requestScope?: RequestScope | undefined;
}

export interface GatewayOptions {
  supergraphPath: string;
  urls: Record<SubgraphName, string>;
  timeoutMs: number;
  /** Signs every subgraph call: subgraphs refuse any request the router has not vouched for. */
  identity: InternalIdentity;
  log: Logger;
  /** Learns from each plan the gateway makes which operations are a single fetch. */
  singleFetches: SingleFetchPlans;
}

/** The committed supergraph SDL; a missing file is a configuration error. */
export function readSupergraph(supergraphPath: string): string {
  try {
    return readFileSync(supergraphPath, "utf8");
  } catch (error) {
    throw new ConfigError(`SUPERGRAPH_PATH: cannot read ${supergraphPath} (${(error as Error).message})`);
  }
}

/**
 * The gateway plans each operation over the committed supergraph; it never fetches schemas at run
 * time, so what serves traffic is exactly what was composed and reviewed.
 */
export function createGateway({
  supergraphPath,
  urls,
  timeoutMs,
  identity,
  log,
  singleFetches,
}: GatewayOptions): ApolloGateway {
  const supergraphSdl = readSupergraph(supergraphPath);
  return new ApolloGateway({
    supergraphSdl,
    experimental_didResolveQueryPlan: singleFetches.learn,
    buildService: ({ name, url }) =>
      new SubgraphDataSource({ name, url: urls[name as SubgraphName] ?? url, timeoutMs, identity, log }),
  });
}

interface SubgraphDataSourceOptions {
  name: string;
  url: string;
  timeoutMs: number;
  identity: InternalIdentity;
  log: Logger;
}

class SubgraphDataSource extends RemoteGraphQLDataSource<RouterContext> {
  private readonly name: string;
  private readonly identity: InternalIdentity;
  private readonly log: Logger;

  constructor({ name, url, timeoutMs, identity, log }: SubgraphDataSourceOptions) {
    // Responses are never cached here, so their cache-control headers need no parsing.
    super({
      url,
      fetcher: timedFetcher(name, keepAliveFetcher(timeoutMs)),
      honorSubgraphCacheControlHeader: false,
    });
    this.name = name;
    this.identity = identity;
    this.log = log;
  }

  override async willSendRequest({
    request,
    context,
  }: Parameters<RemoteGraphQLDataSource<RouterContext>["willSendRequest"] & {}>[0]) {
    if (context.requestId) request.http?.headers.set("x-request-id", context.requestId);
    // The gateway's fetch span is active here: the subgraph's server span becomes its child.
    if (request.http) injectTraceContext(request.http.headers);
    // Whatever a client put in this header is gone: the subgraph sees only what the router signed.
    request.http?.headers.delete(IDENTITY_HEADER);
    // Every call carries a signature, anonymous callers' and the router's own operations' too.
    const signed = context.identityHeader ?? this.identity.sign(context.viewer);
    request.http?.headers.set(IDENTITY_HEADER, await signed);
  }

  /**
   * A subgraph that cannot be reached or does not answer in time is an expected outage, not a bug:
   * the client gets a coded error for the fields it owns, and the rest of the response.
   */
  override didEncounterError(error: Error, _request: unknown, response: unknown): void {
    if (response !== undefined) throw error;
    this.log.warn({ subgraph: this.name, err: error.message }, "subgraph unavailable");
    throw new GraphQLError(`The ${this.name} service is unavailable; try again shortly.`, {
      extensions: { code: ErrorCode.ServiceUnavailable, service: this.name },
    });
  }
}
