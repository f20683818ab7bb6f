import { mkdirSync, writeFileSync } from "node:fs";
import { relative } from "node:path";
import { composeSupergraph } from "./compose.js";
import { schemaDir, schemaFiles } from "./schema-files.js";

const composition = await composeSupergraph();
mkdirSync(schemaDir(), { recursive: true });
for (const [path, content] of schemaFiles(composition)) {
  writeFileSync(path, content);
  console.log(`wrote ${relative(process.cwd(), path)}`);
}
