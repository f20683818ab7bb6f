import { type ServiceName, type Stack, startStack } from "@venta/testing";

export interface RunningServices {
  /** Each service's GraphQL endpoint. */
  graphql: Record<ServiceName, string>;
  stop(): Promise<void>;
}

/**
 * The compiled services as `npm start` runs them, over the cached data set (which is kept);
 * `env` adds settings such as `REDIS_URL` for the live figures.
 */
export async function startServices(dataDir: string, env: NodeJS.ProcessEnv = {}): Promise<RunningServices> {
  // Production, as deployed: Apollo changes defaults (stack traces, introspection) on it.
  const stack: Stack = await startStack({
    dataDir,
    env: { NODE_ENV: "production", LOG_LEVEL: "warn", ...env },
    healthTimeoutMs: 60_000,
  });
  return {
    graphql: {
      marketplace: `${stack.urls.marketplace}/graphql`,
      location: `${stack.urls.location}/graphql`,
      router: `${stack.urls.router}/graphql`,
    },
    stop: () => stack.close(),
  };
}
