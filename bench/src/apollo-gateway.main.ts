import { ApolloGateway, RemoteGraphQLDataSource } from "@apollo/gateway";
import { ApolloServer } from "@apollo/server";
import { startStandaloneServer } from "@apollo/server/standalone";
import { IDENTITY_HEADER } from "@venta/auth";
import { portFromEnv, supergraphFromEnv } from "./supergraph-urls.js";

/**
 * Stock `@apollo/gateway` over the committed supergraph, as a comparison for the router: the
 * library's own data source and defaults, and nothing of the router's (no security checks, no
 * signing, no metrics). The bench sends the identity the router would sign with each request,
 * and it is passed on unchanged, or the subgraphs would refuse every call.
 */
interface ForwardingContext {
  identity?: string;
}

class IdentityForwardingDataSource extends RemoteGraphQLDataSource<ForwardingContext> {
  override willSendRequest({
    request,
    context,
  }: Parameters<RemoteGraphQLDataSource<ForwardingContext>["willSendRequest"] & {}>[0]) {
    if (context.identity) request.http?.headers.set(IDENTITY_HEADER, context.identity);
  }
}

const gateway = new ApolloGateway({
  supergraphSdl: supergraphFromEnv(process.env),
  buildService: ({ url }) => new IdentityForwardingDataSource({ url }),
});
const server = new ApolloServer<ForwardingContext>({ gateway });
const { url } = await startStandaloneServer(server, {
  listen: { host: "127.0.0.1", port: portFromEnv(process.env) },
  context: async ({ req }) => {
    const identity = req.headers[IDENTITY_HEADER];
    return { identity: typeof identity === "string" ? identity : undefined };
  },
});
console.log(`@apollo/gateway listening at ${url}`);

for (const signal of ["SIGINT", "SIGTERM"] as const) process.once(signal, () => void server.stop());
