/**
 * The subgraphs composed into the supergraph, in composition order, each at the URL the supergraph
 * names for it: where it listens by default. The router reaches them by these names (its own
 * SUBGRAPHS) at URLs from its environment; a router test holds its list to the committed supergraph.
 */
export const SUBGRAPHS = [
  { name: "marketplace", url: "http://127.0.0.1:4001/graphql" },
  { name: "location", url: "http://127.0.0.1:4002/graphql" },
  { name: "communication", url: "http://127.0.0.1:4003/graphql" },
] as const;

export type SubgraphName = (typeof SUBGRAPHS)[number]["name"];
