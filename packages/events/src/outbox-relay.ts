import { randomUUID } from "node:crypto";
import { hostname } from "node:os";
import { outboxPublishDelays } from "@venta/kit";
import type { Logger } from "pino";
import { describe } from "./delivery.js";
import { type EventBus, retryDelayMs } from "./event-bus.js";
import type { Outbox } from "./outbox.js";

export interface OutboxRelayOptions {
  outbox: Outbox;
  bus: EventBus;
  log: Logger;
  /** Events published per round trip to the bus. Default: 500. */
  batchSize?: number;
  /**
   * How often the relay looks without being woken: for events written by another process of the
   * subgraph, or left behind by one that died. Default: 1 s.
   */
  pollMs?: number;
  /** How long a relay's lease lasts unless renewed; a relay that died is taken over after it. Default: 15 s. */
  leaseMs?: number;
  /**
   * The subgraph whose outbox this is: labels `venta_outbox_publish_delay_seconds`, each published
   * event's delay from its `occurredAt`. Without it (tests of the relay alone) nothing is recorded.
   */
  service?: string;
}

export interface OutboxRelay {
  /** Publishes what waits now; resolves once this relay found nothing more it could publish. */
  flush(): Promise<void>;
  /** Publishes what waits once more (unless the bus is failing), then stops. */
  stop(): Promise<void>;
}

/** When another process holds the lease, look again this soon: it may have missed our last commit. */
const BUSY_RETRY_MS = 50;

/**
 * Publishes the events of an outbox on the bus, oldest first, keeping their ids, and forgets them
 * once the bus has them. Woken right after each local commit that recorded events, and every
 * `pollMs` besides. Of the relays of one subgraph only the holder of the outbox's lease publishes,
 * so events are published once and in order in normal operation. Delivery is still at least once:
 * a relay that dies between publishing and forgetting, or stalls past its lease, leaves events
 * another relay publishes again. Consumers dedupe by event id (the SQLite bus ignores an id it
 * already has).
 */
export function startOutboxRelay(options: OutboxRelayOptions): OutboxRelay {
  const { outbox, bus, log } = options;
  const batchSize = options.batchSize ?? 500;
  const leaseMs = options.leaseMs ?? 15_000;
  const owner = `${hostname()}-${process.pid}-${randomUUID().slice(0, 8)}`;
  const published = options.service ? outboxPublishDelays(options.service) : () => {};
  let running: Promise<void> | null = null;
  let again = false;
  let stopped = false;
  let failures = 0;
  let pausedUntil = 0;
  let retry: NodeJS.Timeout | undefined;

  /**
   * One pass under the lease: publishes until the outbox is empty and no commit woke the relay
   * meanwhile, so a steady stream of commits keeps one lease rather than taking and giving it back
   * around every batch. False when another relay holds it.
   */
  const pass = async (): Promise<boolean> => {
    if (!(await outbox.acquire(owner, leaseMs))) return false;
    let renewedAt = Date.now();
    try {
      for (;;) {
        again = false;
        const events = await outbox.oldest(batchSize);
        if (events.length > 0) {
          await bus.publishEvents(events);
          published(events.map((event) => event.occurredAt));
          await outbox.remove(events.map((event) => event.id));
          log.debug({ count: events.length }, "outbox events published");
        }
        if (events.length < batchSize && !again) return true;
        // Renewed as it ages: a long backlog or a busy stream must not outlast the lease.
        if (Date.now() - renewedAt >= leaseMs / 3) {
          if (!(await outbox.acquire(owner, leaseMs))) return false;
          renewedAt = Date.now();
        }
      }
    } finally {
      await outbox.release(owner).catch(() => {});
    }
  };

  const later = (ms: number) => {
    clearTimeout(retry);
    if (!stopped) retry = setTimeout(() => void run(), ms);
  };

  const run = (): Promise<void> => {
    if (running) {
      again = true;
      return running;
    }
    running = (async () => {
      do {
        again = false;
        try {
          if (!(await pass())) later(BUSY_RETRY_MS);
          failures = 0;
        } catch (error) {
          failures += 1;
          const delay = retryDelayMs(failures);
          pausedUntil = Date.now() + delay;
          log.warn({ err: describe(error), attempt: failures }, "outbox relay could not publish: will retry");
          later(delay);
          return;
        }
      } while (again && !stopped);
    })().finally(() => {
      running = null;
    });
    return running;
  };

  /** Wake-ups while the bus is failing wait for the retry already scheduled. */
  const wake = () => {
    if (!stopped && Date.now() >= pausedUntil) void run();
  };
  const unsubscribe = outbox.onRecorded(wake);
  const poll = setInterval(wake, options.pollMs ?? 1_000);
  // At once: a process starting after a crash publishes what the crash left behind.
  wake();

  return {
    flush: () => run(),
    stop: async () => {
      clearInterval(poll);
      unsubscribe();
      if (failures === 0) await run();
      stopped = true;
      clearTimeout(retry);
      await running;
    },
  };
}
