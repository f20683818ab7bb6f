import { readFileSync } from "node:fs";
import { join } from "node:path";
import { repoRoot } from "@venta/kit";

export const SUBGRAPHS = ["marketplace", "location", "communication"] as const;
export type Subgraph = (typeof SUBGRAPHS)[number];

/**
 * The supergraph with each subgraph's `@join__graph` URL replaced: a stock gateway routes by those
 * URLs, and the bench's subgraphs listen on free ports rather than the committed defaults.
 */
export function pointSupergraphAt(sdl: string, urls: Record<Subgraph, string>): string {
  let pointed = sdl;
  for (const name of SUBGRAPHS) {
    const pattern = new RegExp(`(@join__graph\\(name: "${name}", url: )"[^"]*"`);
    if (!pattern.test(pointed)) throw new Error(`the supergraph has no @join__graph for ${name}`);
    pointed = pointed.replace(pattern, `$1${JSON.stringify(urls[name])}`);
  }
  return pointed;
}

/** The committed supergraph, pointed at the subgraphs named by the router's own settings. */
export function supergraphFromEnv(env: NodeJS.ProcessEnv): string {
  const sdl = readFileSync(env.SUPERGRAPH_PATH ?? join(repoRoot(), "schema", "supergraph.graphql"), "utf8");
  const url = (name: Subgraph) => {
    const value = env[`${name.toUpperCase()}_URL`];
    if (!value) throw new Error(`${name.toUpperCase()}_URL is not set`);
    return value;
  };
  return pointSupergraphAt(sdl, {
    marketplace: url("marketplace"),
    location: url("location"),
    communication: url("communication"),
  });
}

/** The port a stock gateway listens on, from `PORT`. */
export function portFromEnv(env: NodeJS.ProcessEnv): number {
  const port = Number(env.PORT);
  if (!Number.isInteger(port) || port <= 0) throw new Error(`PORT must be a port number, got "${env.PORT}"`);
  return port;
}
