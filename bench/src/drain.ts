import type { ConsumerStats } from "@venta/events";

/** What is still on its way after a load: events waiting in outboxes, consumers behind on the bus. */
export interface Backlog {
  /** Events committed to each service's outbox and not yet published. */
  outboxes: Record<string, number>;
  /** Consumers with events not yet handed to them (lag) or not yet acknowledged (pending). */
  behind: ConsumerStats[];
  /** What could not be read (a service that did not answer): nothing counts as drained then. */
  unknown: string[];
}

export interface Drain {
  drained: boolean;
  /** From the call until the backlog was empty, or until the wait gave up. */
  seconds: number;
  /** The last backlog seen: empty when drained, what was left when not. */
  backlog: Backlog;
}

export const isEmpty = (backlog: Backlog): boolean =>
  Object.values(backlog.outboxes).every((depth) => depth === 0) &&
  backlog.behind.length === 0 &&
  backlog.unknown.length === 0;

/** Consumers that are behind, from the bus's stats of every consumer. */
export const consumersBehind = (stats: readonly ConsumerStats[]): ConsumerStats[] =>
  stats.filter((consumer) => consumer.lag > 0 || consumer.pending > 0);

/** "location outbox 12; marketplace.search-index lag 300": what a figure that did not drain names. */
export function describeBacklog(backlog: Backlog): string {
  const parts = [
    ...Object.entries(backlog.outboxes)
      .filter(([, depth]) => depth > 0)
      .map(([service, depth]) => `${service} outbox ${depth}`),
    ...backlog.behind.map((c) => `${c.consumer} lag ${c.lag}, pending ${c.pending}`),
    ...backlog.unknown,
  ];
  return parts.length === 0 ? "nothing left" : parts.join("; ");
}

/**
 * Looks at the backlog every `intervalMs` until it is empty or `timeoutMs` has passed: a bounded
 * wait, so a consumer that never catches up fails the figure instead of hanging the run.
 */
export async function waitForDrain(
  look: () => Promise<Backlog>,
  timeoutMs: number,
  intervalMs = 100,
): Promise<Drain> {
  const started = performance.now();
  for (;;) {
    const backlog = await look();
    const seconds = (performance.now() - started) / 1000;
    if (isEmpty(backlog)) return { drained: true, seconds, backlog };
    if (seconds * 1000 >= timeoutMs) return { drained: false, seconds, backlog };
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
}
