import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import type { RouteHandler } from "@venta/kit";
import { BASE_POLICY, inlineHash, pageHeaders, tileSource } from "./page-headers.js";

const here = dirname(fileURLToPath(import.meta.url));
const resolve = createRequire(import.meta.url).resolve;

interface Asset {
  type: string;
  body: Buffer;
}

const asset = (type: string, path: string): Asset => ({ type, body: readFileSync(path) });

// Compiled to dist/pages/, this file finds the page source and the browser build from the package root.
const root = join(here, "..", "..");

/** The live map's queries, kept as .graphql files next to the page: the first-party documents it sends. */
export function mapOperations(): { mapVendors: string; mapUpdates: string } {
  const read = (name: string) => readFileSync(join(root, "pages", "map", `${name}.graphql`), "utf8");
  return { mapVendors: read("map-vendors"), mapUpdates: read("map-updates") };
}

/**
 * The live map at `/map`: its page and script, and Leaflet and graphql-ws from their npm builds,
 * all served by the router itself so the map needs no CDN. Tiles are the one thing fetched from
 * elsewhere (`MAP_TILE_URL`); without them the map still shows vendors on a plain background.
 */
export function mapRoutes(tileUrl: string): Record<string, RouteHandler> {
  const operations = mapOperations();
  const html = mapHtml(tileUrl, operations);
  // The page's one inline <style> is allowed by its hash; the operations' JSON <script> is data, which CSP does not run.
  const style = /<style>([\s\S]*?)<\/style>/.exec(html)?.[1] ?? "";
  const headers = pageHeaders([
    ...BASE_POLICY,
    `style-src 'self' ${inlineHash(style)}`,
    `img-src 'self' data: ${tileSource(tileUrl)}`,
  ]);
  const assets: Record<string, Asset> = {
    "/map": { type: "text/html; charset=utf-8", body: Buffer.from(html) },
    "/map/live-map.js": asset(
      "text/javascript; charset=utf-8",
      join(root, "dist", "pages", "map", "live-map.js"),
    ),
    "/map/vendor/leaflet.js": asset("text/javascript; charset=utf-8", resolve("leaflet/dist/leaflet.js")),
    "/map/vendor/leaflet.css": asset("text/css; charset=utf-8", resolve("leaflet/dist/leaflet.css")),
    "/map/vendor/graphql-ws.min.js": asset(
      "text/javascript; charset=utf-8",
      join(dirname(resolve("graphql-ws/package.json")), "umd", "graphql-ws.min.js"),
    ),
  };
  return Object.fromEntries(
    Object.entries(assets).map(([path, { type, body }]) => [
      path,
      (_req, res) => {
        res.writeHead(200, {
          "content-type": type,
          "content-length": body.length,
          "cache-control": "no-cache",
          "x-content-type-options": "nosniff",
          ...(path === "/map" ? headers : {}),
        });
        res.end(body);
      },
    ]),
  );
}

function mapHtml(tileUrl: string, operations: ReturnType<typeof mapOperations>): string {
  return (
    readFileSync(join(root, "pages", "map", "map.html"), "utf8")
      .replace(
        "{{TILE_URL}}",
        tileUrl.replace(/[&"<>]/g, (c) => `&#${c.charCodeAt(0)};`),
      )
      // JSON inside <script>: only "<" could end the element early.
      .replace('"{{OPERATIONS}}"', JSON.stringify(operations).replace(/</g, "\\u003c"))
  );
}
