import { readFileSync } from "node:fs";
import {
  DeliveryRejected,
  type MessageChannel,
  type OutgoingMessage,
  PROVIDER_TIMEOUT_MS,
  type SendReceipt,
} from "./channel.js";
import { FCM_SCOPE, GoogleAccessToken, type ServiceAccount } from "./google-access-token.js";
import { privateKeyFromPem } from "./jwt.js";

export interface FcmOptions {
  /** `https://fcm.googleapis.com`, or a server speaking the same API. */
  baseUrl: string;
  projectId: string;
  account: ServiceAccount;
}

const GOOGLE_TOKEN_URL = "https://oauth2.googleapis.com/token";

/** Reads a Google service-account key file (the JSON the Firebase console downloads). */
export function readServiceAccountFile(path: string): { projectId: string; account: ServiceAccount } {
  let file: Record<string, unknown>;
  try {
    file = JSON.parse(readFileSync(path, "utf8")) as Record<string, unknown>;
  } catch (error) {
    throw new Error(`cannot read the service account file ${path}: ${(error as Error).message}`);
  }
  const { project_id, client_email, private_key, private_key_id, token_uri } = file;
  if (typeof project_id !== "string" || typeof client_email !== "string" || typeof private_key !== "string") {
    throw new Error(`${path} needs project_id, client_email and private_key`);
  }
  return {
    projectId: project_id,
    account: {
      clientEmail: client_email,
      privateKey: privateKeyFromPem(private_key, `private_key in ${path}`),
      privateKeyId: typeof private_key_id === "string" ? private_key_id : null,
      tokenUrl: typeof token_uri === "string" ? token_uri : GOOGLE_TOKEN_URL,
    },
  };
}

/** FCM's error body: `details` carries an `FcmError` whose `errorCode` says what went wrong. */
interface FcmErrorBody {
  error?: { status?: string; message?: string; details?: { errorCode?: string }[] };
}

/** The token is no longer (or never was) an installation of our app: forget it. */
const GONE = new Set(["UNREGISTERED", "SENDER_ID_MISMATCH"]);

/**
 * Push through Firebase Cloud Messaging's HTTP v1 API: Android and web devices (and iOS apps that
 * use FCM). Authenticates with a service account's OAuth2 access token.
 */
export class FcmPushChannel implements MessageChannel {
  readonly adapter = "fcm";
  private readonly endpoint: string;
  private readonly token: GoogleAccessToken;

  constructor(options: FcmOptions) {
    const base = options.baseUrl.replace(/\/+$/, "");
    this.endpoint = `${base}/v1/projects/${encodeURIComponent(options.projectId)}/messages:send`;
    this.token = new GoogleAccessToken(options.account, FCM_SCOPE);
  }

  async send(message: OutgoingMessage): Promise<SendReceipt> {
    const response = await fetch(this.endpoint, {
      method: "POST",
      headers: {
        authorization: `Bearer ${await this.token.get()}`,
        "content-type": "application/json; charset=utf-8",
      },
      body: JSON.stringify({
        message: {
          token: message.to,
          notification: { title: message.title, body: message.body },
          data: message.data,
          android: { priority: "HIGH" },
        },
      }),
      signal: AbortSignal.timeout(PROVIDER_TIMEOUT_MS),
    });
    const text = await response.text();
    if (response.ok) {
      const { name } = JSON.parse(text) as { name?: string };
      return { providerMessageId: name ?? null };
    }
    const error = parseError(text);
    const code = error.details?.find((d) => d.errorCode)?.errorCode ?? error.status ?? "UNKNOWN";
    const reason = `FCM answered ${response.status} ${code}: ${error.message ?? text.slice(0, 200)}`;
    if (response.status === 401) {
      // A revoked or rotated key: the next attempt exchanges a fresh token.
      this.token.invalidate();
      throw new Error(reason);
    }
    if (GONE.has(code)) throw new DeliveryRejected(reason, true);
    if (response.status === 400 || response.status === 403 || response.status === 404) {
      throw new DeliveryRejected(reason);
    }
    throw new Error(reason);
  }

  async close(): Promise<void> {}
}

function parseError(text: string): NonNullable<FcmErrorBody["error"]> {
  try {
    return (JSON.parse(text) as FcmErrorBody).error ?? {};
  } catch {
    return {};
  }
}
