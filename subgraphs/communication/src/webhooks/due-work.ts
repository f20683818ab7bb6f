import type { Logger } from "@venta/kit";

export interface DueWorkOptions<T> {
  /** Names the loop in logs. */
  name: string;
  /**
   * Takes up to `limit` items that are due now and leases them, so that no other process (and no
   * later poll of this one) takes them while they are handled. A lease that runs out, because the
   * process died, makes the item due again: that is what makes the work survive restarts.
   */
  claim(limit: number): Promise<T[]>;
  /** Handles one item and records its outcome; a throw is a fault of ours, logged and left to the lease. */
  handle(item: T): Promise<void>;
  /** Items handled at once. */
  concurrency: number;
  /** How often to look for due items when nothing woke the loop. */
  pollMs: number;
  log: Logger;
}

export interface DueWork {
  /** Looks for due items now: new work was just stored. */
  wake(): void;
  /** Stops looking and waits for the items under way. */
  stop(): Promise<void>;
}

/** A loop that hands durable, leased work items to a handler, a few at a time. */
export function startDueWork<T>(options: DueWorkOptions<T>): DueWork {
  const { name, log } = options;
  const inFlight = new Set<Promise<void>>();
  let stopped = false;
  let draining: Promise<void> | undefined;
  let wokenWhileDraining = false;
  let timer: NodeJS.Timeout | undefined;

  const schedule = (): void => {
    if (stopped) return;
    clearTimeout(timer);
    timer = setTimeout(wake, options.pollMs);
    // A waiting poll must not keep a finished process alive.
    timer.unref();
  };

  const start = (item: T): void => {
    const running: Promise<void> = options
      .handle(item)
      .catch((error: unknown) => log.error({ err: error, loop: name }, "due work item failed unexpectedly"))
      .finally(() => {
        inFlight.delete(running);
        wake();
      });
    inFlight.add(running);
  };

  const drain = async (): Promise<void> => {
    try {
      do {
        wokenWhileDraining = false;
        const free = options.concurrency - inFlight.size;
        if (free <= 0) return;
        const items = await options.claim(free);
        // Items claimed while stopping are left to their lease: another run takes them up.
        if (stopped) return;
        for (const item of items) start(item);
      } while (wokenWhileDraining);
    } catch (error) {
      log.warn({ err: error, loop: name }, "looking for due work failed; trying again at the next poll");
    }
  };

  function wake(): void {
    if (stopped) return;
    if (draining) {
      wokenWhileDraining = true;
      return;
    }
    draining = drain().finally(() => {
      draining = undefined;
      schedule();
    });
  }

  wake();
  return {
    wake,
    async stop() {
      stopped = true;
      clearTimeout(timer);
      await draining;
      await Promise.all(inFlight);
    },
  };
}
