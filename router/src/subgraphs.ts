import { z } from "zod";

/** Every subgraph of the supergraph: its name in the supergraph and the env that points at it. */
export const SUBGRAPHS = [
  { name: "marketplace", urlVar: "MARKETPLACE_URL", portVar: "MARKETPLACE_PORT", defaultPort: 4001 },
  { name: "location", urlVar: "LOCATION_URL", portVar: "LOCATION_PORT", defaultPort: 4002 },
  { name: "communication", urlVar: "COMMUNICATION_URL", portVar: "COMMUNICATION_PORT", defaultPort: 4003 },
] as const;

export type SubgraphName = (typeof SUBGRAPHS)[number]["name"];

/** Where each subgraph listens: `<NAME>_URL`, else 127.0.0.1 on `<NAME>_PORT` or its default port. */
export function subgraphUrls(env: NodeJS.ProcessEnv = process.env): Record<SubgraphName, string> {
  const urls = {} as Record<SubgraphName, string>;
  for (const subgraph of SUBGRAPHS) {
    const explicit = env[subgraph.urlVar];
    if (explicit) {
      const parsed = z.string().url().safeParse(explicit);
      if (!parsed.success) throw new Error(`${subgraph.urlVar}: not a URL: ${explicit}`);
      urls[subgraph.name] = explicit;
    } else {
      const port = env[subgraph.portVar] ?? String(subgraph.defaultPort);
      urls[subgraph.name] = `http://127.0.0.1:${port}/graphql`;
    }
  }
  return urls;
}
