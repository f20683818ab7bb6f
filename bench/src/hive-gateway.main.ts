import { createServer } from "node:http";
import { createGatewayRuntime } from "@graphql-hive/gateway";
import { IDENTITY_HEADER } from "@venta/auth";
import { portFromEnv, supergraphFromEnv } from "./supergraph-urls.js";

/**
 * Stock Hive Gateway over the committed supergraph, as a comparison for the router: its runtime
 * with default settings, served by Node's HTTP server. The only addition passes the identity the
 * bench sends (what the router would sign) on to the subgraphs, which refuse calls without one.
 */
const gateway = createGatewayRuntime({
  supergraph: supergraphFromEnv(process.env),
  logging: "warn",
  propagateHeaders: {
    fromClientToSubgraphs: ({ request }) => ({ [IDENTITY_HEADER]: request.headers.get(IDENTITY_HEADER) }),
  },
});
const server = createServer(gateway);
const port = portFromEnv(process.env);
server.listen(port, "127.0.0.1", () =>
  console.log(`Hive Gateway listening at http://127.0.0.1:${port}/graphql`),
);

for (const signal of ["SIGINT", "SIGTERM"] as const)
  process.once(signal, () => {
    server.close();
    server.closeAllConnections();
    void gateway.dispose();
  });
