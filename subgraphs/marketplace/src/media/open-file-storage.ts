import { join } from "node:path";
import type { RouteHandler } from "@venta/kit";
import { DocumentLinks, documentLinkKey } from "./document-links.js";
import { CloudinaryFileStorage, parseCloudinaryUrl } from "./file-storage.cloudinary.js";
import type { FileStorage } from "./file-storage.js";
import { LocalFileStorage } from "./file-storage.local.js";
import { MEDIA_ROUTE, mediaRoute } from "./media.route.js";
import type { VendorMediaStore } from "./vendor-media.store.js";

export interface FileStorageConfig {
  CLOUDINARY_URL?: string | undefined;
  MEDIA_PUBLIC_URL?: string | undefined;
  MEDIA_DOCUMENT_LINK_SECONDS?: number | undefined;
  DATA_DIR: string;
  HOST: string;
  MARKETPLACE_PORT: number;
}

export interface OpenedFileStorage {
  storage: FileStorage;
  kind: "cloudinary" | "local";
  /** Mints the expiring links business documents are served through. */
  documentLinks: DocumentLinks;
  /** The HTTP routes the marketplace server must add: `/media/*`. */
  routes: Record<string, RouteHandler>;
}

/**
 * Cloudinary when `CLOUDINARY_URL` is set; otherwise files under `DATA_DIR/media`. Either way
 * business documents are served by this server's `/media/*` behind signed, expiring links (a CDN
 * URL would be a permanent capability); with local storage photos are served there too.
 * `sharedSecret` is the secret every service shares (`internalSecret`): it keys the links.
 */
export function openFileStorage(
  config: FileStorageConfig,
  media: Pick<VendorMediaStore, "findByStorageKey">,
  sharedSecret: Uint8Array,
): OpenedFileStorage {
  const publicBaseUrl = config.MEDIA_PUBLIC_URL ?? ownAddress(config.HOST, config.MARKETPLACE_PORT);
  const documentLinks = new DocumentLinks({
    key: documentLinkKey(sharedSecret),
    publicBaseUrl,
    lifetimeSeconds: config.MEDIA_DOCUMENT_LINK_SECONDS,
  });
  const storage = config.CLOUDINARY_URL
    ? new CloudinaryFileStorage(parseCloudinaryUrl(config.CLOUDINARY_URL))
    : new LocalFileStorage({ root: join(config.DATA_DIR, "media"), publicBaseUrl });
  return {
    storage,
    kind: config.CLOUDINARY_URL ? "cloudinary" : "local",
    documentLinks,
    routes: { [MEDIA_ROUTE]: mediaRoute({ storage, media, links: documentLinks }) },
  };
}

/** This server's own address, for development: a wildcard listen address is reached on loopback. */
function ownAddress(host: string, port: number): string {
  const reachable = host === "0.0.0.0" ? "127.0.0.1" : host === "::" ? "::1" : host;
  return `http://${reachable.includes(":") ? `[${reachable}]` : reachable}:${port}`;
}
