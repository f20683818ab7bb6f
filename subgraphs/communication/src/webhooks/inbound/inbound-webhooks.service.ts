import { conflict, notFound } from "@venta/kit";
import { type InboundEventRecord, type InboundProvider, inboundEventId } from "./inbound-event.record.js";
import type { InboundEventsStore } from "./inbound-events.store.js";
import type { VerifiedWebhook } from "./inbound-provider.js";
import { subjectUserIdOf } from "./inbound-subject.js";

/** Receiving verified provider events (each stored once) and an admin's retry of a failed one. */
export class InboundWebhooksService {
  private readonly listeners = new Set<() => void>();

  constructor(
    private readonly store: InboundEventsStore,
    private readonly now: () => Date = () => new Date(),
  ) {}

  /** Calls `listener` whenever an event is stored for processing; returns the unsubscribe. */
  onReceived(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Stores a verified event, due for processing now; a replay (an id already stored) changes nothing. */
  async receive(
    provider: InboundProvider,
    verified: VerifiedWebhook,
    body: Buffer,
  ): Promise<{ replay: boolean }> {
    const at = this.now();
    const text = body.toString("utf8");
    const stored = await this.store.insert({
      id: inboundEventId(provider, verified.eventId),
      provider,
      eventId: verified.eventId,
      type: verified.type,
      body: text,
      subjectUserId: subjectUserIdOf(provider, text),
      receivedAt: at,
      status: "PENDING",
      attempts: 0,
      nextAttemptAt: at,
      lastError: null,
      processedAt: null,
    });
    if (stored) this.notify();
    return { replay: !stored };
  }

  /** A FAILED event goes back to processing with a fresh budget of attempts. */
  async retry(id: string): Promise<InboundEventRecord> {
    const retried = await this.store.retry(id, this.now());
    if (retried) {
      this.notify();
      return retried;
    }
    const current = await this.store.findById(id);
    if (!current) throw notFound(`no inbound webhook event with id ${id}`);
    throw conflict(`the event is ${current.status}: only a FAILED event can be retried`, "id");
  }

  private notify(): void {
    for (const listener of this.listeners) listener();
  }
}
