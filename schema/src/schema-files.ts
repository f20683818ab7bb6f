import { readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import type { Composition } from "./compose.js";
import { SUBGRAPHS, type SubgraphName } from "./subgraphs.js";

/** This workspace's folder, found from src/ and dist/ alike: the schema files sit at its top. */
const schemaDir = fileURLToPath(new URL("..", import.meta.url));

/** Where each subgraph's print-schema command writes its SDL (`npm run compose`). */
export const subgraphSdlPath = (name: SubgraphName) => join(schemaDir, `${name}.graphql`);
export const supergraphPath = join(schemaDir, "supergraph.graphql");
export const apiSchemaPath = join(schemaDir, "api.graphql");

/** A schema file's path as the repository names it, e.g. `schema/api.graphql`. */
export const repoPath = (path: string) => relative(join(schemaDir, ".."), path);

/** Each subgraph's SDL as its print-schema command wrote it: all that composition reads. */
export function readSubgraphSdl(): Record<SubgraphName, string> {
  const sdl = {} as Record<SubgraphName, string>;
  for (const { name } of SUBGRAPHS) sdl[name] = readFileSync(subgraphSdlPath(name), "utf8");
  return sdl;
}

/** The files composition writes and the composition test compares: path → content. */
export function composedFiles(composition: Composition): Map<string, string> {
  return new Map([
    [supergraphPath, `${composition.supergraph.trim()}\n`],
    [apiSchemaPath, `${composition.api.trim()}\n`],
  ]);
}
