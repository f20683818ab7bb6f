import { type RouteHandler, sendJson } from "@venta/kit";
import { type FileStorage, isStorageKey } from "./file-storage.js";
import { MEDIA_PATH } from "./file-storage.local.js";

/** Registered as a prefix route: every path under `/media/`. */
export const MEDIA_ROUTE = `${MEDIA_PATH}/*`;

/**
 * `GET /media/<key>`: serves a locally stored file with its recorded content type. `nosniff` keeps
 * browsers from second-guessing the type; only the types uploads are checked against are ever
 * stored. Keys are random ids, so a URL is known only to whoever the API showed it to.
 */
export function mediaRoute(storage: FileStorage): RouteHandler {
  return async (req, res) => {
    if (req.method !== "GET" && req.method !== "HEAD") {
      res.setHeader("allow", "GET, HEAD");
      sendJson(res, 405, { error: "use GET" });
      return;
    }
    const path = (req.url ?? "/").split("?")[0] ?? "/";
    const key = path.slice(MEDIA_PATH.length + 1);
    const file = isStorageKey(key) ? await storage.get(key) : null;
    if (!file) {
      sendJson(res, 404, { error: "no such file" });
      return;
    }
    res.writeHead(200, {
      "content-type": file.contentType,
      "content-length": file.bytes.byteLength,
      "x-content-type-options": "nosniff",
      // A key is never reused for other bytes.
      "cache-control": "public, max-age=31536000, immutable",
      // The apps show photos from another origin than this server's.
      "cross-origin-resource-policy": "cross-origin",
    });
    res.end(req.method === "HEAD" ? undefined : file.bytes);
  };
}
