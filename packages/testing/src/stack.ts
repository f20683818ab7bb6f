import { randomUUID } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { DevIssuer, type DevTokenClaims, type Role } from "@venta/auth";
import { CreateUserDocument, VentaClient } from "@venta/client";
import { repoRoot, type ServiceProcess, spawnService } from "@venta/kit";
import { freePort } from "./free-port.js";

export type ServiceName = "marketplace" | "location" | "communication" | "router";

export const SERVICE_ENTRIES: Record<ServiceName, string> = {
  marketplace: "subgraphs/marketplace/dist/main.js",
  location: "subgraphs/location/dist/main.js",
  communication: "subgraphs/communication/dist/main.js",
  router: "router/dist/main.js",
};

export interface Stack {
  dataDir: string;
  urls: Record<ServiceName, string>;
  env: NodeJS.ProcessEnv;
  /** Starts (or restarts) one service and waits until it is ready (`/health/ready`). */
  start(name: ServiceName): Promise<void>;
  /** SIGTERM, and the exit status once it has stopped (0 for a clean shutdown). */
  stop(name: ServiceName): Promise<number | string | undefined>;
  /** Sends `signal` (SIGKILL: a crash, no shutdown at all), and the exit status once it has gone. */
  kill(name: ServiceName, signal: NodeJS.Signals): Promise<number | string | undefined>;
  /**
   * Sends `signal` and returns at once, the process kept as running: SIGSTOP hangs a service
   * (it holds its sockets but answers nothing) until SIGCONT.
   */
  signal(name: ServiceName, signal: NodeJS.Signals): void;
  /** Starts one more router on its own port over the same subgraphs (routers scale out). */
  startExtraRouter(): Promise<{ url: string; stop(): Promise<void> }>;
  /** A development token for this person, signed by the stack's local issuer. */
  token(userId: string, roles: readonly Role[], claims?: Partial<DevTokenClaims>): Promise<string>;
  /** Creates an account through the API, as that person would; returns its id and request headers. */
  signUp(displayName: string, roles: readonly Role[]): Promise<SignedUp>;
  /** The last lines each service printed, for failure messages. */
  logs(name: ServiceName): string[];
  /** The process id of each running service, to watch what it costs (CPU, memory). */
  pids(): Partial<Record<ServiceName, number>>;
  close(): Promise<void>;
}

export interface SignedUp {
  userId: string;
  /** `Authorization: Bearer …` for this person. */
  headers: Record<string, string>;
}

export interface StackOptions {
  /** Serve this data directory and keep it; by default a throw-away one is made and removed. */
  dataDir?: string;
  env?: NodeJS.ProcessEnv;
  /** Environment for one service only, over `env`. */
  serviceEnv?: Partial<Record<ServiceName, NodeJS.ProcessEnv>>;
  /** How long each service may take to become healthy (opening a large store takes a while). */
  healthTimeoutMs?: number;
  /**
   * What a started router is waited for: `ready` (the default: every subgraph answers), or `live`
   * when its subgraph URLs lead somewhere the test wires up only once the stack is running.
   */
  routerWaitsFor?: "ready" | "live";
}

/**
 * The whole supergraph as real processes on free ports: the compiled services exactly as
 * `npm start` runs them (build first).
 */
export async function startStack({
  dataDir: givenDataDir,
  env: extraEnv = {},
  serviceEnv = {},
  healthTimeoutMs,
  routerWaitsFor = "ready",
}: StackOptions = {}): Promise<Stack> {
  const dataDir = givenDataDir ?? mkdtempSync(join(tmpdir(), "venta-e2e-"));
  const ports = {
    router: await freePort(),
    marketplace: await freePort(),
    location: await freePort(),
    communication: await freePort(),
  };
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: "test",
    LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? "warn",
    LOG_FORMAT: "json",
    DATA_DIR: dataDir,
    ROUTER_PORT: String(ports.router),
    MARKETPLACE_PORT: String(ports.marketplace),
    LOCATION_PORT: String(ports.location),
    COMMUNICATION_PORT: String(ports.communication),
    ...extraEnv,
  };
  const running = new Map<ServiceName, ServiceProcess>();
  const lines = new Map<ServiceName, string[]>();
  const extras: ServiceProcess[] = [];
  const root = repoRoot();
  let issuer: Promise<DevIssuer> | undefined;

  const stack: Stack = {
    dataDir,
    env,
    urls: {
      router: `http://127.0.0.1:${ports.router}`,
      marketplace: `http://127.0.0.1:${ports.marketplace}`,
      location: `http://127.0.0.1:${ports.location}`,
      communication: `http://127.0.0.1:${ports.communication}`,
    },
    async start(name) {
      const log: string[] = [];
      lines.set(name, log);
      const service = spawnService({
        name,
        entry: join(root, SERVICE_ENTRIES[name]),
        env: { ...env, ...serviceEnv[name] },
        onLine: (line) => {
          log.push(line);
          if (log.length > 200) log.shift();
        },
      });
      running.set(name, service);
      try {
        const probe = name === "router" && routerWaitsFor === "live" ? "live" : "ready";
        await service.waitUntilHealthy(`${stack.urls[name]}/health/${probe}`, healthTimeoutMs, name);
      } catch (error) {
        throw new Error(`${(error as Error).message}\n${log.join("\n")}`);
      }
    },
    async stop(name) {
      const service = running.get(name);
      running.delete(name);
      if (!service) return undefined;
      await service.stop();
      return service.exited;
    },
    async kill(name, signal) {
      const service = running.get(name);
      running.delete(name);
      if (!service) return undefined;
      service.child.kill(signal);
      return service.exited;
    },
    signal(name, signal) {
      const service = running.get(name);
      if (!service) throw new Error(`${name} is not running`);
      service.child.kill(signal);
    },
    async startExtraRouter() {
      const port = await freePort();
      const service = spawnService({
        name: "router",
        entry: join(root, SERVICE_ENTRIES.router),
        env: { ...env, ROUTER_PORT: String(port) },
      });
      extras.push(service);
      const url = `http://127.0.0.1:${port}`;
      await service.waitUntilHealthy(`${url}/health/${routerWaitsFor}`, healthTimeoutMs, "router");
      return { url, stop: () => service.stop() };
    },
    async token(userId, roles, claims = {}) {
      issuer ??= DevIssuer.open(dataDir);
      return (await issuer).sign({ userId, roles, ...claims });
    },
    async signUp(displayName, roles) {
      const userId = `user-${randomUUID()}`;
      const headers = { authorization: `Bearer ${await stack.token(userId, roles)}` };
      // Through the apps' own trusted document, so it works where the router accepts only those.
      const client = new VentaClient({ url: `${stack.urls.router}/graphql`, headers });
      await client.request(CreateUserDocument, { input: { displayName } });
      return { userId, headers };
    },
    logs: (name) => lines.get(name) ?? [],
    pids: () => {
      const pids: Partial<Record<ServiceName, number>> = {};
      for (const [name, service] of running)
        if (service.child.pid !== undefined) pids[name] = service.child.pid;
      return pids;
    },
    async close() {
      // A stopped process cannot handle SIGTERM until it runs again.
      for (const { child } of running.values())
        if (child.exitCode === null && child.signalCode === null) child.kill("SIGCONT");
      await Promise.all([...running.values(), ...extras].map((service) => service.stop()));
      if (!givenDataDir) rmSync(dataDir, { recursive: true, force: true });
    },
  };
  try {
    await Promise.all(
      (["marketplace", "location", "communication", "router"] as const).map((name) => stack.start(name)),
    );
  } catch (error) {
    await stack.close();
    throw error;
  }
  return stack;
}
