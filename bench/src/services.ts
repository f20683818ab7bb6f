import { join } from "node:path";
import { repoRoot, type ServiceProcess, spawnService } from "@venta/kit";
import { freePort, type ServiceName } from "@venta/testing";
import { BENCH_DIR } from "./paths.js";

const ENTRIES: Record<ServiceName, string> = {
  marketplace: "subgraphs/marketplace/dist/main.js",
  location: "subgraphs/location/dist/main.js",
  router: "router/dist/main.js",
};
const NAMES = ["marketplace", "location", "router"] as const;

export interface RunningServices {
  /** Each service's GraphQL endpoint. */
  graphql: Record<ServiceName, string>;
  stop(): Promise<void>;
}

/**
 * The compiled services as `npm start` runs them, over the cached data set. Not `startStack`: that
 * one always starts on a fresh temporary directory, and the point here is a million vendors.
 */
export async function startServices(dataDir: string): Promise<RunningServices> {
  const ports = { marketplace: await freePort(), location: await freePort(), router: await freePort() };
  const root = repoRoot(BENCH_DIR);
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    // Production, as deployed: Apollo changes defaults (stack traces, introspection) on it.
    NODE_ENV: "production",
    LOG_LEVEL: "warn",
    LOG_FORMAT: "json",
    DATA_DIR: dataDir,
    ROUTER_PORT: String(ports.router),
    MARKETPLACE_PORT: String(ports.marketplace),
    LOCATION_PORT: String(ports.location),
    // The router's default is found from the working directory; the bench may run from anywhere.
    SUPERGRAPH_PATH: join(root, "schema", "supergraph.graphql"),
  };
  const logs = new Map<ServiceName, string[]>();
  const running: ServiceProcess[] = [];
  const stop = async () => {
    await Promise.all(running.map((service) => service.stop()));
  };
  const base = (name: ServiceName) => `http://127.0.0.1:${ports[name]}`;
  try {
    await Promise.all(
      NAMES.map(async (name) => {
        const log: string[] = [];
        logs.set(name, log);
        const service = spawnService({
          name,
          entry: join(root, ENTRIES[name]),
          env,
          onLine: (line) => {
            log.push(line);
            if (log.length > 50) log.shift();
          },
        });
        running.push(service);
        await service.waitUntilHealthy(`${base(name)}/health`, 60_000);
      }),
    );
  } catch (error) {
    await stop();
    const printed = NAMES.map((name) => `--- ${name}\n${(logs.get(name) ?? []).join("\n")}`).join("\n");
    throw new Error(`${(error as Error).message}\n${printed}`);
  }
  return {
    graphql: {
      marketplace: `${base("marketplace")}/graphql`,
      location: `${base("location")}/graphql`,
      router: `${base("router")}/graphql`,
    },
    stop,
  };
}
