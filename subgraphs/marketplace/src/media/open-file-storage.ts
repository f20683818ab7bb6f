import { join } from "node:path";
import type { RouteHandler } from "@venta/kit";
import { CloudinaryFileStorage, parseCloudinaryUrl } from "./file-storage.cloudinary.js";
import type { FileStorage } from "./file-storage.js";
import { LocalFileStorage } from "./file-storage.local.js";
import { MEDIA_ROUTE, mediaRoute } from "./media.route.js";

export interface FileStorageConfig {
  CLOUDINARY_URL?: string | undefined;
  MEDIA_PUBLIC_URL?: string | undefined;
  DATA_DIR: string;
  HOST: string;
  MARKETPLACE_PORT: number;
}

export interface OpenedFileStorage {
  storage: FileStorage;
  kind: "cloudinary" | "local";
  /** The HTTP routes the marketplace server must add: `/media/*` for files on the local disk. */
  routes: Record<string, RouteHandler>;
}

/** Cloudinary when `CLOUDINARY_URL` is set; otherwise files under `DATA_DIR/media`, served by this server. */
export function openFileStorage(config: FileStorageConfig): OpenedFileStorage {
  if (config.CLOUDINARY_URL) {
    return {
      storage: new CloudinaryFileStorage(parseCloudinaryUrl(config.CLOUDINARY_URL)),
      kind: "cloudinary",
      routes: {},
    };
  }
  const storage = new LocalFileStorage({
    root: join(config.DATA_DIR, "media"),
    publicBaseUrl: config.MEDIA_PUBLIC_URL ?? ownAddress(config.HOST, config.MARKETPLACE_PORT),
  });
  return { storage, kind: "local", routes: { [MEDIA_ROUTE]: mediaRoute(storage) } };
}

/** This server's own address, for development: a wildcard listen address is reached on loopback. */
function ownAddress(host: string, port: number): string {
  const reachable = host === "0.0.0.0" ? "127.0.0.1" : host === "::" ? "::1" : host;
  return `http://${reachable.includes(":") ? `[${reachable}]` : reachable}:${port}`;
}
