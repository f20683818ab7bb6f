/**
 * Bundles the schema explorer (React, GraphiQL and its CSS, all from npm) into
 * dist/pages/explorer/explorer.{js,css}, which the router serves at /explorer. esbuild doesn't
 * typecheck: `tsc -p pages/explorer/tsconfig.json` does.
 */
import { dirname, join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";

const pages = dirname(fileURLToPath(import.meta.url));
const outdir = join(pages, "..", "dist", "pages", "explorer");

const { metafile } = await build({
  entryPoints: [join(pages, "explorer", "explorer.tsx")],
  outdir,
  bundle: true,
  minify: true,
  format: "iife",
  target: "es2020",
  platform: "browser",
  jsx: "automatic",
  define: { "process.env.NODE_ENV": '"production"' },
  // No loaders for fonts or images on purpose: GraphiQL's fonts are data: URLs inside its CSS, and a
  // url() to a file would fail the build here rather than 404 in the browser.
  metafile: true,
  logLevel: "warning",
});

for (const [file, { bytes }] of Object.entries(metafile.outputs)) {
  console.log(`${relative(process.cwd(), file)}  ${(bytes / 1024).toFixed(0)} KiB`);
}
