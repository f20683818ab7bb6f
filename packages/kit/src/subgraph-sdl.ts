import { writeFileSync } from "node:fs";
import { relative } from "node:path";
import { printSubgraphSchema } from "@apollo/subgraph";
import type { GraphQLSchema } from "graphql";
import { repoRoot } from "./config.js";

/** A subgraph's SDL as it serves it on `_service { sdl }`, as a file's content: what composition reads. */
export function subgraphSdl(schema: GraphQLSchema): string {
  return `${printSubgraphSchema(schema).trim()}\n`;
}

/**
 * A subgraph's print-schema command: its SDL to `file`, else to stdout. `npm run compose` writes each
 * subgraph's to schema/ and composes the supergraph from those files alone, never from the code.
 */
export async function printSubgraphSdl(
  build: () => Promise<GraphQLSchema>,
  file: string | undefined,
): Promise<void> {
  const sdl = subgraphSdl(await build());
  if (!file) {
    process.stdout.write(sdl);
    return;
  }
  writeFileSync(file, sdl);
  console.log(`wrote ${relative(repoRoot(), file)}`);
}
