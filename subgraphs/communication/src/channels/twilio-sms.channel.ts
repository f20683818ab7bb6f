import {
  DeliveryRejected,
  type MessageChannel,
  type OutgoingMessage,
  PROVIDER_TIMEOUT_MS,
  type SendReceipt,
} from "./channel.js";

export interface TwilioSmsOptions {
  /** `https://api.twilio.com`, or a server speaking the same REST dialect. */
  baseUrl: string;
  accountSid: string;
  authToken: string;
  /** The sending number (E.164) or a Messaging Service SID (`MG…`). */
  from: string;
}

/** Twilio's error body: `code` is Twilio's own (21211 invalid number), `status` the HTTP status. */
interface TwilioError {
  code?: number;
  message?: string;
}

/**
 * Text messages through Twilio's Messages API (or any service speaking it): a form-encoded POST
 * with HTTP Basic auth. 4xx answers are final except 429 (rate limited); 5xx and network failures
 * are worth another attempt.
 */
export class TwilioSmsChannel implements MessageChannel {
  readonly adapter = "twilio";
  private readonly endpoint: string;
  private readonly authorization: string;

  constructor(private readonly options: TwilioSmsOptions) {
    const base = options.baseUrl.replace(/\/+$/, "");
    this.endpoint = `${base}/2010-04-01/Accounts/${encodeURIComponent(options.accountSid)}/Messages.json`;
    this.authorization = `Basic ${Buffer.from(`${options.accountSid}:${options.authToken}`).toString("base64")}`;
  }

  async send(message: OutgoingMessage): Promise<SendReceipt> {
    const form = new URLSearchParams({ To: message.to, Body: message.body });
    form.set(this.options.from.startsWith("MG") ? "MessagingServiceSid" : "From", this.options.from);
    const response = await fetch(this.endpoint, {
      method: "POST",
      headers: {
        authorization: this.authorization,
        "content-type": "application/x-www-form-urlencoded",
        accept: "application/json",
      },
      body: form,
      signal: AbortSignal.timeout(PROVIDER_TIMEOUT_MS),
    });
    const text = await response.text();
    if (response.ok) {
      const { sid } = JSON.parse(text) as { sid?: string };
      return { providerMessageId: sid ?? null };
    }
    const detail = parseError(text);
    const reason = `Twilio answered ${response.status}${detail.code ? ` (${detail.code})` : ""}: ${detail.message ?? text.slice(0, 200)}`;
    if (response.status >= 400 && response.status < 500 && response.status !== 429) {
      throw new DeliveryRejected(reason);
    }
    throw new Error(reason);
  }

  async close(): Promise<void> {}
}

function parseError(text: string): TwilioError {
  try {
    const body = JSON.parse(text) as unknown;
    return typeof body === "object" && body !== null ? (body as TwilioError) : {};
  } catch {
    return {};
  }
}
