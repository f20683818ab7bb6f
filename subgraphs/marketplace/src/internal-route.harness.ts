import { InternalIdentity } from "@venta/auth";
import { type RouteHandler, startSubgraphServer } from "@venta/kit";
import { testLogger } from "@venta/testing";
import { marketplaceContext } from "./context.js";
import type { InternalRouteGuard } from "./internal-route.js";
import { marketplaceHarness } from "./marketplace.harness.js";
import { marketplaceModules } from "./modules.js";
import { buildMarketplaceSchema } from "./schema.js";

type Harness = Awaited<ReturnType<typeof marketplaceHarness>>;

/** The internal secret the served route trusts; sign with it to call as another Venta service. */
export const internalIdentity = new InternalIdentity(
  new TextEncoder().encode("a-test-secret-that-only-this-test-holds"),
);

/**
 * A marketplace subgraph over real HTTP serving one internal route at `path`, built by `route`
 * from the harness's services and the test's internal identity: for the internal routes' tests.
 */
export async function internalRouteServer(
  path: string,
  route: (h: Harness, guard: InternalRouteGuard) => RouteHandler,
) {
  const h = await marketplaceHarness();
  const server = await startSubgraphServer({
    name: "marketplace",
    host: "127.0.0.1",
    port: 0,
    log: testLogger,
    schema: await buildMarketplaceSchema(),
    identity: internalIdentity,
    createContext: marketplaceContext(marketplaceModules, h.services),
    healthChecks: {},
    routes: { [path]: route(h, { identity: internalIdentity, log: testLogger }) },
  });
  const url = server.url.replace(/\/graphql$/, path);
  /** POSTs `body` as JSON with `headers`, and answers with the status and the parsed JSON reply. */
  const post = async (body: string, headers: Record<string, string> = {}) => {
    const response = await fetch(url, {
      method: "POST",
      headers: { "content-type": "application/json", ...headers },
      body,
    });
    return { status: response.status, body: (await response.json()) as unknown };
  };
  const close = async () => {
    await server.stop();
    await h.close();
  };
  return { h, server, url, post, close };
}
