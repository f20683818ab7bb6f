import nodemailer, { type Transporter } from "nodemailer";
import type SMTPTransport from "nodemailer/lib/smtp-transport/index.js";
import {
  DeliveryRejected,
  type MessageChannel,
  type OutgoingMessage,
  PROVIDER_TIMEOUT_MS,
  type SendReceipt,
} from "./channel.js";

export interface SmtpEmailOptions {
  /** `smtp://user:pass@host:587` (STARTTLS when offered) or `smtps://…:465` (TLS from the start). */
  url: string;
  /** The sender, e.g. `Venta <notifications@venta.app>`. */
  from: string;
}

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** The plain text as HTML: escaped, one paragraph per blank-line-separated block. */
export function emailHtml(body: string): string {
  const paragraphs = body
    .split(/\n{2,}/)
    .map((block) => `<p>${escapeHtml(block).replace(/\n/g, "<br>")}</p>`)
    .join("\n");
  return `<!doctype html><html><body>${paragraphs}</body></html>`;
}

/** SMTP reply codes 5xx are final ("mailbox unavailable", "syntax error"); 4xx and lost connections are not. */
function isPermanent(error: unknown): boolean {
  if (typeof error !== "object" || error === null || !("responseCode" in error)) return false;
  const code = error.responseCode;
  return typeof code === "number" && code >= 500 && code < 600;
}

/** E-mail through any SMTP relay (nodemailer): subject, plain text and the same text as HTML. */
export class SmtpEmailChannel implements MessageChannel {
  readonly adapter = "smtp";
  private readonly transport: Transporter<SMTPTransport.SentMessageInfo>;

  constructor(private readonly options: SmtpEmailOptions) {
    this.transport = nodemailer.createTransport({
      url: options.url,
      connectionTimeout: PROVIDER_TIMEOUT_MS,
      greetingTimeout: PROVIDER_TIMEOUT_MS,
      socketTimeout: PROVIDER_TIMEOUT_MS,
    });
  }

  async send(message: OutgoingMessage): Promise<SendReceipt> {
    try {
      const info = await this.transport.sendMail({
        from: this.options.from,
        to: message.to,
        subject: message.title,
        text: message.body,
        html: emailHtml(message.body),
      });
      return { providerMessageId: info.messageId ?? null };
    } catch (error) {
      if (isPermanent(error)) {
        throw new DeliveryRejected(`SMTP refused the message: ${(error as Error).message}`);
      }
      throw error;
    }
  }

  async close(): Promise<void> {
    this.transport.close();
  }
}
