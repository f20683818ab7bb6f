import type { KeyObject } from "node:crypto";
import { type ClientHttp2Session, connect, constants } from "node:http2";
import {
  DeliveryRejected,
  type MessageChannel,
  type OutgoingMessage,
  PROVIDER_TIMEOUT_MS,
  type SendReceipt,
} from "./channel.js";
import { signJwt } from "./jwt.js";

export interface ApnsOptions {
  /** `https://api.push.apple.com` (or `https://api.sandbox.push.apple.com`, or a local stand-in). */
  baseUrl: string;
  /** The key's id from the Apple developer account (the `.p8` file's name). */
  keyId: string;
  teamId: string;
  /** The app's bundle id: every notification names the app it is for. */
  topic: string;
  /** The `.p8` signing key. */
  signingKey: KeyObject;
}

/** Apple refuses provider tokens older than an hour and throttles renewals faster than every 20 minutes. */
const TOKEN_LIFETIME_MS = 50 * 60_000;

/** Reasons that mean this device token will never work again for our app. */
const GONE = new Set(["Unregistered", "BadDeviceToken", "DeviceTokenNotForTopic"]);
/** Our provider token was refused: make a new one and try again. */
const STALE_TOKEN = new Set(["ExpiredProviderToken", "InvalidProviderToken"]);

interface ApnsAnswer {
  status: number;
  apnsId: string | null;
  body: string;
}

/**
 * Push to iOS devices through Apple's provider API: HTTP/2 with a signed provider token (ES256),
 * one long-lived connection reused for every notification, as Apple asks.
 */
export class ApnsPushChannel implements MessageChannel {
  readonly adapter = "apns";
  private session: ClientHttp2Session | undefined;
  private token: { jwt: string; issuedAt: number } | undefined;

  constructor(
    private readonly options: ApnsOptions,
    private readonly now: () => number = Date.now,
  ) {}

  async send(message: OutgoingMessage): Promise<SendReceipt> {
    const answer = await this.post(message);
    if (answer.status === 200) return { providerMessageId: answer.apnsId };
    const reason = parseReason(answer.body);
    const text = `APNs answered ${answer.status} ${reason}`;
    if (STALE_TOKEN.has(reason)) {
      this.token = undefined;
      throw new Error(text);
    }
    if (GONE.has(reason)) throw new DeliveryRejected(text, true);
    if (answer.status === 429 || answer.status >= 500) throw new Error(text);
    throw new DeliveryRejected(text);
  }

  async close(): Promise<void> {
    const session = this.session;
    this.session = undefined;
    if (!session || session.closed) return;
    await new Promise<void>((resolve) => session.close(() => resolve()));
  }

  private post(message: OutgoingMessage): Promise<ApnsAnswer> {
    const { data } = message;
    const payload = {
      ...data,
      aps: { alert: { title: message.title, body: message.body }, sound: "default" },
    };
    const request = this.connection().request({
      [constants.HTTP2_HEADER_METHOD]: "POST",
      [constants.HTTP2_HEADER_PATH]: `/3/device/${encodeURIComponent(message.to)}`,
      authorization: `bearer ${this.providerToken()}`,
      "apns-topic": this.options.topic,
      "apns-push-type": "alert",
      "apns-priority": "10",
      "content-type": "application/json",
    });
    return new Promise<ApnsAnswer>((resolve, reject) => {
      let status = 0;
      let apnsId: string | null = null;
      const chunks: Buffer[] = [];
      request.setTimeout(PROVIDER_TIMEOUT_MS, () => {
        request.close(constants.NGHTTP2_CANCEL);
        reject(new Error(`APNs did not answer within ${PROVIDER_TIMEOUT_MS} ms`));
      });
      request.on("response", (headers) => {
        status = Number(headers[constants.HTTP2_HEADER_STATUS]);
        const id = headers["apns-id"];
        apnsId = typeof id === "string" ? id : null;
      });
      request.on("data", (chunk: Buffer) => chunks.push(chunk));
      request.on("end", () => resolve({ status, apnsId, body: Buffer.concat(chunks).toString("utf8") }));
      request.on("error", reject);
      request.end(JSON.stringify(payload));
    });
  }

  /** The open HTTP/2 connection, or a new one when Apple closed the last (GOAWAY, idle, error). */
  private connection(): ClientHttp2Session {
    if (this.session && !this.session.closed && !this.session.destroyed) return this.session;
    const session = connect(this.options.baseUrl);
    const forget = () => {
      if (this.session === session) this.session = undefined;
    };
    // A failed connection surfaces as each pending request's error; this keeps it from crashing the process.
    session.on("error", forget);
    session.on("goaway", forget);
    session.on("close", forget);
    this.session = session;
    return session;
  }

  private providerToken(): string {
    const now = this.now();
    if (!this.token || now - this.token.issuedAt > TOKEN_LIFETIME_MS) {
      const jwt = signJwt(
        { alg: "ES256", kid: this.options.keyId },
        { iss: this.options.teamId, iat: Math.floor(now / 1000) },
        this.options.signingKey,
      );
      this.token = { jwt, issuedAt: now };
    }
    return this.token.jwt;
  }
}

function parseReason(body: string): string {
  try {
    const { reason } = JSON.parse(body) as { reason?: unknown };
    return typeof reason === "string" ? reason : "Unknown";
  } catch {
    return "Unknown";
  }
}
