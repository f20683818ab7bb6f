import { readFileSync } from "node:fs";
import type { IncomingMessage } from "node:http";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";
import type { RouteHandler } from "@venta/kit";
import { BASE_POLICY, pageHeaders } from "./page-headers.js";

const here = dirname(fileURLToPath(import.meta.url));

interface Asset {
  type: string;
  body: Buffer;
  /** The same bytes gzipped once at start: the bundle is ~1.6 MB, ~0.7 MB gzipped. */
  gzipped: Buffer;
}

const asset = (type: string, body: Buffer): Asset => ({ type, body, gzipped: gzipSync(body) });

const acceptsGzip = (req: IncomingMessage): boolean => /\bgzip\b/.test(req.headers["accept-encoding"] ?? "");

/**
 * The page talks to this router only; its fonts are data: URLs inside the CSS. GraphiQL's editors
 * add <style> elements at run time, so inline styles stay allowed: a style cannot read storage.
 */
const PAGE_HEADERS = pageHeaders([
  ...BASE_POLICY,
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self' data:",
]);

/**
 * The schema explorer at `/explorer`: GraphiQL over this router's `/graphql`, bundled from npm by
 * `pages/build-explorer.mjs` (build first) and served from here, so it needs no CDN. Read once at start.
 */
export function explorerRoutes(): Record<string, RouteHandler> {
  // Compiled to dist/pages/, this file finds the page source and the bundle from the package root.
  const root = join(here, "..", "..");
  const bundle = join(root, "dist", "pages", "explorer");
  const assets: Record<string, Asset> = {
    "/explorer": asset(
      "text/html; charset=utf-8",
      readFileSync(join(root, "pages", "explorer", "explorer.html")),
    ),
    "/explorer/explorer.js": asset(
      "text/javascript; charset=utf-8",
      readFileSync(join(bundle, "explorer.js")),
    ),
    "/explorer/explorer.css": asset("text/css; charset=utf-8", readFileSync(join(bundle, "explorer.css"))),
  };
  return Object.fromEntries(
    Object.entries(assets).map(([path, { type, body, gzipped }]) => [
      path,
      (req, res) => {
        const gzip = acceptsGzip(req);
        const sent = gzip ? gzipped : body;
        res.writeHead(200, {
          "content-type": type,
          "content-length": sent.length,
          "cache-control": "no-cache",
          vary: "accept-encoding",
          "x-content-type-options": "nosniff",
          ...(gzip ? { "content-encoding": "gzip" } : {}),
          ...(path === "/explorer" ? PAGE_HEADERS : {}),
        });
        res.end(sent);
      },
    ]),
  );
}
