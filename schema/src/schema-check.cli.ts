import { execFileSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { dirname } from "node:path";
import { composeSupergraph } from "./compose.js";
import { checkSchemaChange, type SchemaChange } from "./schema-check.js";
import { composedFiles, readSubgraphSdl, repoPath, supergraphPath } from "./schema-files.js";

const file = repoPath(supergraphPath);
const ref = process.env.SCHEMA_BASE_REF || "HEAD";

/** The committed supergraph at `ref`; the file on disk when there is no git or no such ref (e.g. a tarball). */
function baseline(): { sdl: string; source: string } {
  try {
    const sdl = execFileSync("git", ["show", `${ref}:${file}`], {
      cwd: dirname(supergraphPath),
      encoding: "utf8",
      stdio: ["ignore", "pipe", "pipe"],
    });
    return { sdl, source: `${file} at ${ref}` };
  } catch (error) {
    console.log(`cannot read ${file} at ${ref} from git (${gitFailure(error)}); using the file on disk`);
    return { sdl: readFileSync(supergraphPath, "utf8"), source: `${file} on disk` };
  }
}

/** git's own first line ("fatal: invalid object name …") says more than "Command failed". */
function gitFailure(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const stderr = "stderr" in error && typeof error.stderr === "string" ? error.stderr.trim() : "";
  return stderr.split("\n")[0] || error.message;
}

const line = (change: SchemaChange) => {
  const note =
    change.criticality === "breaking"
      ? change.allowed
        ? "  (allowed: deprecated in the baseline)"
        : "  (not deprecated first)"
      : "";
  return `  ${change.criticality.toUpperCase().padEnd(9)} ${change.message}${note}`;
};

// The subgraphs' print-schema commands have just written their SDL (`npm run schema:check` runs them first).
const composed = composedFiles(composeSupergraph(readSubgraphSdl())).get(supergraphPath) ?? "";
const base = baseline();
const report = await checkSchemaChange(base.sdl, composed);

console.log(`API schema: ${base.source} → composed from the subgraphs' SDL`);
if (!existsSync(supergraphPath) || readFileSync(supergraphPath, "utf8") !== composed)
  console.log(`note: ${file} is not what the subgraphs compose to: run npm run compose`);
if (report.changes.length === 0) console.log("  no changes");
for (const change of report.changes) console.log(line(change));

const allowed = report.allowedBreaking.length;
if (report.passed) {
  console.log(
    allowed === 0
      ? "schema check passed: no breaking changes"
      : `schema check passed: ${allowed} breaking change(s), each removing what the baseline deprecated`,
  );
} else {
  console.log(
    `schema check FAILED: ${report.blocking.length} breaking change(s) not preceded by a deprecation; ` +
      "deprecate with @deprecated(reason: ...) first and remove in a later change",
  );
  process.exitCode = 1;
}
