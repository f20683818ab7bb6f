import { randomUUID } from "node:crypto";
import type { Logger } from "@venta/kit";
import type { Channel, MessageChannel, OutgoingMessage, SendReceipt } from "./channel.js";

/** A message the local adapter accepted, as it would have left. */
export interface RecordedMessage extends OutgoingMessage {
  id: string;
  channel: Channel;
  at: Date;
}

/** Enough for a developer to look at what went out lately, bounded so a long run cannot grow it. */
const KEEP = 500;

/**
 * The embedded default for a channel without a provider configured: accepts every message, logs
 * it and keeps the latest ones in memory, so the whole flow runs on a laptop without accounts at
 * Google, Apple, an SMTP relay or Twilio. Delivery status is recorded as for any provider.
 */
export class LocalChannel implements MessageChannel {
  readonly adapter = "local";
  private readonly recorded: RecordedMessage[] = [];

  constructor(
    private readonly channel: Channel,
    private readonly log: Logger,
  ) {}

  async send(message: OutgoingMessage): Promise<SendReceipt> {
    const entry: RecordedMessage = { ...message, id: randomUUID(), channel: this.channel, at: new Date() };
    this.recorded.push(entry);
    if (this.recorded.length > KEEP) this.recorded.shift();
    // No address in the log: logs outlive an erased account.
    this.log.info({ channel: this.channel, title: message.title }, "message recorded locally");
    return { providerMessageId: entry.id };
  }

  /** The latest messages, oldest first. */
  sent(): readonly RecordedMessage[] {
    return this.recorded;
  }

  async close(): Promise<void> {}
}
