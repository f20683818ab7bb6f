import { type RouteHandler, sendJson } from "@venta/kit";
import type { DocumentLinks } from "./document-links.js";
import { type FileStorage, isStorageKey } from "./file-storage.js";
import { MEDIA_PATH } from "./file-storage.local.js";
import type { VendorMediaRecord } from "./vendor-media.record.js";
import { accessOf } from "./vendor-media.service.js";
import type { VendorMediaStore } from "./vendor-media.store.js";

/** Registered as a prefix route: every path under `/media/`. */
export const MEDIA_ROUTE = `${MEDIA_PATH}/*`;

export interface MediaRouteOptions {
  storage: FileStorage;
  /** Which file a key holds decides how it is served: only recorded files are served at all. */
  media: Pick<VendorMediaStore, "findByStorageKey">;
  links: DocumentLinks;
}

/**
 * `Content-Disposition` for a document: always a download, never rendered in our origin. The
 * plain `filename` keeps only characters every browser reads the same way; `filename*` carries
 * the real name (RFC 6266, RFC 5987).
 */
export function downloadDisposition(fileName: string): string {
  const plain = fileName.replace(/[^A-Za-z0-9._ -]/g, "_").slice(0, 100) || "document";
  const encoded = encodeURIComponent(fileName).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16)}`);
  return `attachment; filename="${plain}"; filename*=UTF-8''${encoded}`;
}

/**
 * `GET /media/<key>`: serves a stored file with its recorded content type (`nosniff` keeps browsers
 * from second-guessing it). Photos are public and cached for good: a key never holds other bytes.
 * A business document needs a live link from `DocumentLinks`; without one the answer is the same
 * 404 as for a key nobody holds, so a caller learns nothing about which documents exist.
 */
export function mediaRoute({ storage, media, links }: MediaRouteOptions): RouteHandler {
  return async (req, res) => {
    if (req.method !== "GET" && req.method !== "HEAD") {
      res.setHeader("allow", "GET, HEAD");
      sendJson(res, 405, { error: "use GET" });
      return;
    }
    const url = req.url ?? "/";
    const mark = url.indexOf("?");
    const [path, query] = mark < 0 ? [url, ""] : [url.slice(0, mark), url.slice(mark + 1)];
    const key = path.slice(MEDIA_PATH.length + 1);
    const record = isStorageKey(key) ? await media.findByStorageKey(key) : null;
    const allowed =
      record !== null && (record.kind === "PHOTO" || links.allows(key, new URLSearchParams(query)));
    const file = allowed ? await storage.get(key, accessOf(record.kind)) : null;
    if (!record || !file) {
      // Not cacheable: a document's 404 turns into a 200 with a valid link, and must not stick.
      res.setHeader("cache-control", "no-store");
      sendJson(res, 404, { error: "no such file" });
      return;
    }
    res.writeHead(200, {
      "content-type": file.contentType,
      "content-length": file.bytes.byteLength,
      "x-content-type-options": "nosniff",
      // The apps show files from another origin than this server's.
      "cross-origin-resource-policy": "cross-origin",
      ...headersFor(record),
    });
    res.end(req.method === "HEAD" ? undefined : file.bytes);
  };
}

function headersFor(record: VendorMediaRecord): Record<string, string> {
  if (record.kind === "PHOTO") return { "cache-control": "public, max-age=31536000, immutable" };
  return {
    // Neither the browser nor a shared cache may keep a document past its link.
    "cache-control": "private, no-store",
    "content-disposition": downloadDisposition(record.fileName),
    // Should a browser render it anyway, it runs nothing and loads nothing.
    "content-security-policy": "default-src 'none'; sandbox",
    "referrer-policy": "no-referrer",
  };
}
