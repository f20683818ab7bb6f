import { createHash } from "node:crypto";
import { type FileAccess, type FileStorage, type StoredFile, validStorageKey } from "./file-storage.js";

export interface CloudinaryCredentials {
  cloudName: string;
  apiKey: string;
  apiSecret: string;
}

export interface CloudinaryOptions extends CloudinaryCredentials {
  /** The Upload API; a local stand-in in tests. */
  apiBaseUrl?: string;
  /** Where uploaded files are delivered from (the CDN). */
  deliveryBaseUrl?: string;
  /** How long one call may take before it is given up. */
  timeoutMs?: number;
  now?: () => Date;
}

/** `cloudinary://<api_key>:<api_secret>@<cloud_name>`, as Cloudinary's console shows it. */
export function parseCloudinaryUrl(value: string): CloudinaryCredentials {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new Error("CLOUDINARY_URL is not a URL");
  }
  const credentials = {
    cloudName: url.hostname,
    apiKey: decodeURIComponent(url.username),
    apiSecret: decodeURIComponent(url.password),
  };
  if (
    url.protocol !== "cloudinary:" ||
    !credentials.cloudName ||
    !credentials.apiKey ||
    !credentials.apiSecret
  )
    throw new Error("CLOUDINARY_URL must look like cloudinary://<api_key>:<api_secret>@<cloud_name>");
  return credentials;
}

/**
 * Cloudinary's request signature: the parameters (all but `file`, `api_key`, `resource_type` and
 * `cloud_name`) as `name=value` sorted by name and joined with `&`, then the API secret, SHA-1 hex.
 */
export function cloudinarySignature(params: Record<string, string>, apiSecret: string): string {
  const text = Object.keys(params)
    .sort()
    .map((name) => `${name}=${params[name]}`)
    .join("&");
  return createHash("sha1").update(`${text}${apiSecret}`, "utf8").digest("hex");
}

/**
 * The signature a delivery URL of an `authenticated` asset carries, `s--<it>--`: the first 8
 * characters of the URL-safe base64 SHA-1 of the public id and the API secret (no transformation).
 */
export function cloudinaryDeliverySignature(publicId: string, apiSecret: string): string {
  return createHash("sha1").update(`${publicId}${apiSecret}`, "utf8").digest("base64url").slice(0, 8);
}

/**
 * Cloudinary's delivery types: `upload` assets are open to anyone with the URL; `authenticated`
 * ones only through a URL signed with the API secret, which never leaves this server.
 */
const DELIVERY_TYPE: Record<FileAccess, "upload" | "authenticated"> = {
  public: "upload",
  private: "authenticated",
};

interface CloudinaryAnswer {
  secure_url?: unknown;
  result?: unknown;
  error?: { message?: unknown };
}

/**
 * Files in Cloudinary through its signed Upload API. The storage key is the file's `public_id`
 * (folders included); files go in as the `image` resource type, which also takes PDFs. Private
 * files are `authenticated` assets: their CDN address opens nothing without our signature, so they
 * reach clients only through the marketplace's own expiring links.
 */
export class CloudinaryFileStorage implements FileStorage {
  private readonly apiBase: string;
  private readonly deliveryBase: string;
  private readonly timeoutMs: number;
  private readonly now: () => Date;

  constructor(private readonly options: CloudinaryOptions) {
    this.apiBase = (options.apiBaseUrl ?? "https://api.cloudinary.com").replace(/\/+$/, "");
    this.deliveryBase = (options.deliveryBaseUrl ?? "https://res.cloudinary.com").replace(/\/+$/, "");
    this.timeoutMs = options.timeoutMs ?? 30_000;
    this.now = options.now ?? (() => new Date());
  }

  async put(
    key: string,
    bytes: Uint8Array,
    contentType: string,
    access: FileAccess,
  ): Promise<{ url: string }> {
    const type = DELIVERY_TYPE[access];
    const form = this.signedForm({ public_id: validStorageKey(key), type });
    form.set("file", new Blob([bytes], { type: contentType }), "upload");
    const answer = await this.call("upload", form);
    if (typeof answer.secure_url !== "string")
      throw new Error("cloudinary upload: no secure_url in the answer");
    // Cloudinary's answer for a private file may carry a signed, never-expiring URL: not ours to keep.
    return { url: access === "public" ? answer.secure_url : this.deliveryUrl(key, "authenticated") };
  }

  async get(key: string, access: FileAccess): Promise<StoredFile | null> {
    if (access === "public") return this.fetchFile(this.deliveryUrl(key, "upload"));
    const signature = cloudinaryDeliverySignature(validStorageKey(key), this.options.apiSecret);
    const file = await this.fetchFile(this.deliveryUrl(key, "authenticated", `s--${signature}--/`));
    // Documents stored before they were private are `upload` assets; they are still found.
    return file ?? this.fetchFile(this.deliveryUrl(key, "upload"));
  }

  private deliveryUrl(key: string, type: "upload" | "authenticated", signature = ""): string {
    return `${this.deliveryBase}/${encodeURIComponent(this.options.cloudName)}/image/${type}/${signature}${validStorageKey(key)}`;
  }

  private async fetchFile(url: string): Promise<StoredFile | null> {
    const response = await fetch(url, { signal: AbortSignal.timeout(this.timeoutMs) });
    if (response.status === 404) {
      await response.body?.cancel();
      return null;
    }
    if (!response.ok) {
      await response.body?.cancel();
      throw new Error(`cloudinary delivery answered ${response.status}`);
    }
    return {
      bytes: new Uint8Array(await response.arrayBuffer()),
      contentType: response.headers.get("content-type") ?? "application/octet-stream",
    };
  }

  async delete(key: string, access: FileAccess): Promise<void> {
    // A private file may be an `upload` asset from before documents were private: both go.
    const types = access === "public" ? (["upload"] as const) : (["authenticated", "upload"] as const);
    for (const type of types) {
      // `invalidate` also purges the CDN's cached copies, so a deleted file stops being served.
      const answer = await this.call(
        "destroy",
        this.signedForm({ public_id: validStorageKey(key), type, invalidate: "true" }),
      );
      if (answer.result !== "ok" && answer.result !== "not found")
        throw new Error(`cloudinary destroy: unexpected result ${JSON.stringify(answer.result)}`);
    }
  }

  private signedForm(params: Record<string, string>): FormData {
    const signed = { ...params, timestamp: String(Math.floor(this.now().getTime() / 1000)) };
    const form = new FormData();
    for (const [name, value] of Object.entries(signed)) form.set(name, value);
    form.set("api_key", this.options.apiKey);
    form.set("signature", cloudinarySignature(signed, this.options.apiSecret));
    return form;
  }

  private async call(action: "upload" | "destroy", form: FormData): Promise<CloudinaryAnswer> {
    const url = `${this.apiBase}/v1_1/${encodeURIComponent(this.options.cloudName)}/image/${action}`;
    const response = await fetch(url, {
      method: "POST",
      body: form,
      signal: AbortSignal.timeout(this.timeoutMs),
    });
    const answer = (await response.json().catch(() => ({}))) as CloudinaryAnswer;
    if (!response.ok) {
      const message = typeof answer.error?.message === "string" ? answer.error.message : "no message";
      throw new Error(`cloudinary ${action} answered ${response.status}: ${message}`);
    }
    return answer;
  }
}
