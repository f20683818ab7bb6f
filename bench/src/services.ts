import { type ServiceName, type Stack, startStack } from "@venta/testing";
import { type HeadersFor, startBenchAuth } from "./bench-auth.js";

export interface RunningServices {
  /** Each service's GraphQL endpoint. */
  graphql: Record<ServiceName, string>;
  /** Each service's Prometheus endpoint, for the breakdown of a figure by stage. */
  metrics: Record<ServiceName, string>;
  /** Credentials of the bench's admin for each service: a bearer token for the router, the router-signed identity for a subgraph. */
  admin: Record<ServiceName, HeadersFor>;
  /** A caller without credentials: nothing for the router, the identity the router signs for such a caller for a subgraph. */
  anonymous: Record<ServiceName, HeadersFor>;
  /**
   * One more router process on its own port, over the same subgraphs and settings (the live feed
   * among them): its GraphQL endpoint, and how to stop it. Stopping the services stops it too.
   */
  startExtraRouter(): Promise<{ graphql: string; stop(): Promise<void> }>;
  /** Credentials of one of the data set's people, for requests through the router. */
  customer(userId: string): Promise<Record<string, string>>;
  /** The last lines a service printed: what to show when it stops answering. */
  logs(name: ServiceName): string[];
  /** Each running service's process id. */
  pids(): Partial<Record<ServiceName, number>>;
  stop(): Promise<void>;
}

/**
 * The compiled services as `npm start` runs them, over the given data directory (which is kept);
 * `env` adds settings such as `REDIS_URL` for the live figures.
 */
export async function startServices(dataDir: string, env: NodeJS.ProcessEnv = {}): Promise<RunningServices> {
  // Production, as deployed: Apollo changes defaults (stack traces, introspection) on it, and it
  // needs a real identity provider and shared secret, which the bench supplies.
  const auth = await startBenchAuth(dataDir);
  let stack: Stack;
  try {
    stack = await startStack({
      dataDir,
      env: { NODE_ENV: "production", LOG_LEVEL: "warn", ...auth.env, ...env },
      healthTimeoutMs: 60_000,
    });
  } catch (error) {
    await auth.close();
    throw error;
  }
  return {
    graphql: {
      marketplace: `${stack.urls.marketplace}/graphql`,
      location: `${stack.urls.location}/graphql`,
      communication: `${stack.urls.communication}/graphql`,
      router: `${stack.urls.router}/graphql`,
    },
    metrics: {
      marketplace: `${stack.urls.marketplace}/metrics`,
      location: `${stack.urls.location}/metrics`,
      communication: `${stack.urls.communication}/metrics`,
      router: `${stack.urls.router}/metrics`,
    },
    admin: {
      router: auth.router,
      marketplace: auth.subgraph,
      location: auth.subgraph,
      communication: auth.subgraph,
    },
    anonymous: {
      router: () => ({}),
      marketplace: auth.anonymousSubgraph,
      location: auth.anonymousSubgraph,
      communication: auth.anonymousSubgraph,
    },
    async startExtraRouter() {
      const router = await stack.startExtraRouter();
      return { graphql: `${router.url}/graphql`, stop: router.stop };
    },
    customer: (userId) => auth.customer(userId),
    logs: (name) => stack.logs(name),
    pids: () => stack.pids(),
    async stop() {
      await stack.close();
      await auth.close();
    },
  };
}
