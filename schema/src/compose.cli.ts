import { writeFileSync } from "node:fs";
import { composeSupergraph } from "./compose.js";
import { composedFiles, readSubgraphSdl, repoPath } from "./schema-files.js";

// The subgraphs' print-schema commands have written their SDL (`npm run compose` runs them first).
for (const [path, content] of composedFiles(composeSupergraph(readSubgraphSdl()))) {
  writeFileSync(path, content);
  console.log(`wrote ${repoPath(path)}`);
}
