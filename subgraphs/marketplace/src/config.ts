import { baseEnv, envVar, loadConfig } from "@venta/kit";
import { DEFAULT_CHECK_IN_RULES } from "./loyalty/check-in-rules.js";
import { DEFAULT_DOCUMENT_LINK_SECONDS, MAX_DOCUMENT_LINK_SECONDS } from "./media/document-links.js";
import { parseCloudinaryUrl } from "./media/file-storage.cloudinary.js";

/** Whether `parseCloudinaryUrl` takes the value; the error message never repeats the secret. */
function isCloudinaryUrl(value: string): boolean {
  try {
    parseCloudinaryUrl(value);
    return true;
  } catch {
    return false;
  }
}

export const marketplaceEnv = baseEnv.extend({
  MARKETPLACE_PORT: envVar.port(4001),
  /** Vendor photos and documents go to Cloudinary when set; otherwise to DATA_DIR/media. */
  CLOUDINARY_URL: envVar.checked(
    isCloudinaryUrl,
    "must look like cloudinary://<api_key>:<api_secret>@<cloud_name>",
  ),
  /** Where clients reach this server's `/media/…`: local files and every document; this server's address by default. */
  MEDIA_PUBLIC_URL: envVar.url(),
  /** How long a business document's link works: it is minted per read, so minutes are enough. */
  MEDIA_DOCUMENT_LINK_SECONDS: envVar
    .positiveInt(DEFAULT_DOCUMENT_LINK_SECONDS)
    .refine((seconds) => seconds <= MAX_DOCUMENT_LINK_SECONDS, `at most ${MAX_DOCUMENT_LINK_SECONDS}`),
  /** Check-ins one person may make in an hour, at all vendors together: a position is only their claim. */
  CHECK_IN_LIMIT_PER_HOUR: envVar.positiveInt(DEFAULT_CHECK_IN_RULES.limitPerHour),
  /** Travel faster than this between a person's check-ins is held for review (see check-in-rules.ts). */
  CHECK_IN_MAX_SPEED_KMH: envVar.positiveInt(DEFAULT_CHECK_IN_RULES.maxSpeedKmh),
  /** How often to republish opening hours whose published horizon runs out within a week. */
  SCHEDULE_REFRESH_MS: envVar.positiveInt(3_600_000),
});
export type MarketplaceConfig = ReturnType<typeof marketplaceEnv.parse>;

export const loadMarketplaceConfig = (env: NodeJS.ProcessEnv = process.env): MarketplaceConfig =>
  loadConfig(marketplaceEnv, env);
