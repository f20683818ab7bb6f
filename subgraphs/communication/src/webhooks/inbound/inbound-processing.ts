import type { Logger } from "@venta/kit";
import { type BackoffPolicy, backoffDelayMs } from "../backoff.js";
import { type DueWork, startDueWork } from "../due-work.js";
import type { InboundEventRecord, InboundProvider } from "./inbound-event.record.js";
import type { InboundEventsStore, ProcessingOutcome } from "./inbound-events.store.js";
import { PermanentWebhookError, type WebhookHandler } from "./inbound-provider.js";
import type { InboundWebhooksService } from "./inbound-webhooks.service.js";

export interface InboundProcessingOptions {
  store: InboundEventsStore;
  inbound: InboundWebhooksService;
  handlers: Record<InboundProvider, WebhookHandler>;
  /** Attempts before an event is FAILED and waits for an admin. */
  maxAttempts: number;
  backoff: BackoffPolicy;
  /**
   * How long a PROCESSED or IGNORED event keeps its body (which may hold personal data): long
   * enough for an admin to look into what it did, then nothing needs it.
   */
  bodyRetentionMs: number;
  pollMs: number;
  log: Logger;
  now?: () => Date;
}

/** How long a processor holds an event: far longer than processing takes, short enough to recover soon. */
const LEASE_MS = 60_000;

/** How often the loop removes bodies past their retention: a body outlives it by this at most. */
export const PRUNE_EVERY_MS = 3_600_000;

const describe = (error: unknown) => (error instanceof Error ? error.message : String(error));

/**
 * Processes stored provider events in the background: due ones are leased, handled, and completed
 * (announcing their domain events through the outbox in the same write). A failure is retried with
 * exponential backoff until the attempts run out; then the event is FAILED. Pending events survive
 * a restart: they are in the store, and a lease held by a dead process runs out. Every
 * {@link PRUNE_EVERY_MS} it also removes the bodies of events done more than `bodyRetentionMs` ago.
 */
export function startInboundProcessing(options: InboundProcessingOptions): DueWork {
  const { store, handlers, log } = options;
  const now = options.now ?? (() => new Date());

  const outcomeOf = async (event: InboundEventRecord): Promise<ProcessingOutcome> => {
    try {
      const handled = await handlers[event.provider](event);
      return handled.status === "PROCESSED"
        ? { status: "PROCESSED", events: handled.events, at: now() }
        : { status: "IGNORED", reason: handled.reason, at: now() };
    } catch (error) {
      const message = describe(error);
      if (error instanceof PermanentWebhookError || event.attempts >= options.maxAttempts) {
        log.error(
          { err: error, eventId: event.id, attempts: event.attempts },
          "inbound webhook event failed for good",
        );
        return { status: "FAILED", error: message };
      }
      const delay = backoffDelayMs(event.attempts, options.backoff);
      log.warn(
        { err: error, eventId: event.id, attempts: event.attempts, retryInMs: delay },
        "inbound webhook event failed",
      );
      return { status: "PENDING", error: message, nextAttemptAt: new Date(now().getTime() + delay) };
    }
  };

  let prunedAt = Number.NEGATIVE_INFINITY;
  const pruneBodies = async (at: Date): Promise<void> => {
    if (at.getTime() - prunedAt < PRUNE_EVERY_MS) return;
    prunedAt = at.getTime();
    try {
      const removed = await store.pruneBodies(new Date(at.getTime() - options.bodyRetentionMs));
      if (removed > 0) log.info({ removed }, "removed the bodies of inbound webhook events done long ago");
    } catch (error) {
      // Processing goes on; the next round tries again.
      log.warn({ err: error }, "removing old inbound webhook bodies failed");
    }
  };

  const work = startDueWork<InboundEventRecord>({
    name: "inbound webhooks",
    claim: async (limit) => {
      const at = now();
      await pruneBodies(at);
      return store.claimDue(at, limit, new Date(at.getTime() + LEASE_MS));
    },
    handle: async (event) => {
      await store.complete(event.id, await outcomeOf(event));
    },
    concurrency: 4,
    pollMs: options.pollMs,
    log,
  });
  const unsubscribe = options.inbound.onReceived(() => work.wake());
  return {
    wake: work.wake,
    async stop() {
      unsubscribe();
      await work.stop();
    },
  };
}
