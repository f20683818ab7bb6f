import { join } from "node:path";
import { spawnService } from "@venta/kit";
import { freePort, postGraphQL } from "@venta/testing";
import { BENCH_DIR } from "./paths.js";
import type { Subgraph } from "./supergraph-urls.js";

export const STOCK_GATEWAYS = ["@apollo/gateway", "Hive Gateway"] as const;
export type StockGateway = (typeof STOCK_GATEWAYS)[number];

const ENTRIES: Record<StockGateway, string> = {
  "@apollo/gateway": "apollo-gateway.main.js",
  "Hive Gateway": "hive-gateway.main.js",
};
const READY_TIMEOUT_MS = 60_000;

export interface RunningStockGateway {
  /** Its GraphQL endpoint. */
  url: string;
  /** Its process id, to charge its CPU time to the requests it answered. */
  pid: number | undefined;
  stop(): Promise<void>;
}

/**
 * One stock gateway as its own process on a free port, over the same running subgraphs as the
 * router: in the bench's process it would share a core with the load generator.
 */
export async function startStockGateway(
  gateway: StockGateway,
  subgraphs: Record<Subgraph, string>,
): Promise<RunningStockGateway> {
  const port = await freePort();
  const lines: string[] = [];
  const service = spawnService({
    name: gateway,
    entry: join(BENCH_DIR, "dist", ENTRIES[gateway]),
    env: {
      ...process.env,
      NODE_ENV: "production",
      PORT: String(port),
      MARKETPLACE_URL: subgraphs.marketplace,
      LOCATION_URL: subgraphs.location,
      COMMUNICATION_URL: subgraphs.communication,
    },
    onLine: (line) => {
      lines.push(line);
      if (lines.length > 50) lines.shift();
    },
  });
  const url = `http://127.0.0.1:${port}/graphql`;
  try {
    await waitUntilAnswering(url, () => service.child.exitCode !== null || service.child.signalCode !== null);
  } catch (error) {
    await service.stop();
    throw new Error(`${gateway} did not start: ${(error as Error).message}\n${lines.join("\n")}`);
  }
  return { url, pid: service.child.pid, stop: () => service.stop() };
}

/** Neither gateway has the router's health routes in common: a `{ __typename }` answer will do. */
async function waitUntilAnswering(url: string, exited: () => boolean): Promise<void> {
  const deadline = Date.now() + READY_TIMEOUT_MS;
  for (;;) {
    if (exited()) throw new Error("it exited");
    try {
      const answer = await postGraphQL<{ __typename: string }>(url, "{ __typename }", {});
      if (answer.status === 200 && answer.data?.__typename === "Query") return;
    } catch {
      // Not listening yet.
    }
    if (Date.now() > deadline) throw new Error(`no answer at ${url} within ${READY_TIMEOUT_MS} ms`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}
