import { join } from "node:path";
import { repoRoot } from "@venta/kit";
import type { Composition } from "./compose.js";

export const schemaDir = () => join(repoRoot(), "schema");

/** The files `npm run compose` writes and the composition test compares: path → content. */
export function schemaFiles(composition: Composition): Map<string, string> {
  const files = new Map<string, string>();
  for (const [name, sdl] of Object.entries(composition.subgraphs))
    files.set(join(schemaDir(), `${name}.graphql`), `${sdl.trim()}\n`);
  files.set(join(schemaDir(), "supergraph.graphql"), `${composition.supergraph.trim()}\n`);
  files.set(join(schemaDir(), "api.graphql"), `${composition.api.trim()}\n`);
  return files;
}
