import { randomBytes } from "node:crypto";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import {
  anonymous,
  DEV_AUDIENCE,
  DEV_ISSUER,
  DevIssuer,
  IDENTITY_HEADER,
  InternalIdentity,
  internalSecret,
  personViewer,
  Role,
} from "@venta/auth";

/** The bench posts its updates as one admin: it moves vendors it does not own. */
export const BENCH_USER = "bench";
/** Internal identities live 60 s; a fresh one every 20 s leaves a wide margin. */
const REFRESH_MS = 20_000;
/**
 * Requests a minute per budget: one client machine sends a whole city's traffic here, which the
 * production budgets (per IP, per person) would throttle into a figure of the limiter.
 */
const UNLIMITED = String(1_000_000_000);

/** Headers for one request; called per request, so they may change during a run. */
export type HeadersFor = () => Record<string, string>;

export interface BenchAuth {
  /** Settings for the services: the identity provider's keys, the shared secret, the budgets. */
  env: NodeJS.ProcessEnv;
  /** `Authorization: Bearer …` with the bench admin's token, for requests through the router. */
  router: HeadersFor;
  /** The router-signed identity of the bench admin, for requests straight to a subgraph. */
  subgraph: HeadersFor;
  /** What the router signs for a caller without credentials: the same reads, straight to a subgraph. */
  anonymousSubgraph: HeadersFor;
  /** `Authorization: Bearer …` for a customer of the data set, for requests through the router. */
  customer(userId: string): Promise<Record<string, string>>;
  close(): Promise<void>;
}

/**
 * Plays the identity provider for a production-mode stack: the development issuer's key pair
 * (kept in the data set's directory) signs the bench admin's token, and its public half is served
 * as the JWKS the router verifies tokens with. The router-to-subgraph secret is the configured
 * `INTERNAL_AUTH_SECRET`, or a fresh random one for this run.
 */
export async function startBenchAuth(dataDir: string): Promise<BenchAuth> {
  const issuer = await DevIssuer.open(dataDir);
  const jwks = JSON.stringify(issuer.jwks());
  const server = createServer((req, res) => {
    if (req.url === "/.well-known/jwks.json") {
      res.writeHead(200, { "content-type": "application/json" }).end(jwks);
    } else {
      res.writeHead(404).end();
    }
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, "127.0.0.1", resolve);
  });
  const { port } = server.address() as AddressInfo;

  const secret = process.env.INTERNAL_AUTH_SECRET || randomBytes(32).toString("base64url");
  const internal = new InternalIdentity(internalSecret({ configured: secret, dataDir }));
  const admin = personViewer(BENCH_USER, [Role.Admin]);
  const token = await issuer.sign({ userId: BENCH_USER, roles: [Role.Admin], expiresIn: "24h" });
  const routerHeaders = { authorization: `Bearer ${token}` };
  let subgraphHeaders = { [IDENTITY_HEADER]: await internal.sign(admin) };
  let anonymousHeaders = { [IDENTITY_HEADER]: await internal.sign(anonymous) };
  const refresh = setInterval(() => {
    void internal.sign(admin).then((signed) => {
      subgraphHeaders = { [IDENTITY_HEADER]: signed };
    });
    void internal.sign(anonymous).then((signed) => {
      anonymousHeaders = { [IDENTITY_HEADER]: signed };
    });
  }, REFRESH_MS);
  refresh.unref();

  return {
    env: {
      AUTH_JWKS_URL: `http://127.0.0.1:${port}/.well-known/jwks.json`,
      AUTH_ISSUER: DEV_ISSUER,
      AUTH_AUDIENCE: DEV_AUDIENCE,
      AUTH_AUTHORIZED_PARTIES: "",
      INTERNAL_AUTH_SECRET: secret,
      RATE_LIMIT_ANONYMOUS: UNLIMITED,
      RATE_LIMIT_USER: UNLIMITED,
      RATE_LIMIT_PARTNER: UNLIMITED,
    },
    router: () => routerHeaders,
    subgraph: () => subgraphHeaders,
    anonymousSubgraph: () => anonymousHeaders,
    async customer(userId) {
      const signed = await issuer.sign({ userId, roles: [Role.Customer], expiresIn: "24h" });
      return { authorization: `Bearer ${signed}` };
    },
    async close() {
      clearInterval(refresh);
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeAllConnections();
      await closed;
    },
  };
}
