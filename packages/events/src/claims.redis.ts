import type { Redis } from "ioredis";
import type { StreamEntry } from "./streams.redis.js";

/** Entries taken over from another member, with how often each has been delivered so far. */
export interface Claimed {
  entries: StreamEntry[];
  deliveries: Map<string, number>;
}

type AutoClaimReply = [cursor: string, entries: [id: string, fields: string[] | null][], deleted?: string[]];
type PendingEntry = [id: string, member: string, idleMs: number, deliveries: number];

/**
 * Takes over `group`'s entries on `stream` that some member was handed but has not acknowledged
 * for `minIdleMs`: that member's process most likely died (or hangs), and without this the events
 * would wait for a process that never comes back. Yields them a slice at a time so the caller
 * handles each slice before claiming more, and claimed entries never sit idle long enough to be
 * claimed again by someone else.
 *
 * The delivery counts (XAUTOCLAIM adds one) let an event that crashes every process that handles
 * it run out of attempts like any other failing event.
 */
export async function* claimStuck(
  redis: Redis,
  stream: string,
  group: string,
  member: string,
  minIdleMs: number,
): AsyncGenerator<Claimed> {
  let cursor = "0-0";
  do {
    const [next, claimed] = (await redis.xautoclaim(
      stream,
      group,
      member,
      minIdleMs,
      cursor,
      "COUNT",
      100,
    )) as AutoClaimReply;
    cursor = next;
    // Redis 6.2 lists entries deleted since delivery with null fields; 7 drops them from the PEL.
    const entries = claimed.filter((entry): entry is StreamEntry => entry[1] !== null);
    if (entries.length === 0) continue;
    const first = entries[0]?.[0] ?? "-";
    const last = entries[entries.length - 1]?.[0] ?? "+";
    const pending = (await redis.xpending(
      stream,
      group,
      first,
      last,
      entries.length,
      member,
    )) as PendingEntry[];
    yield { entries, deliveries: new Map(pending.map(([id, , , deliveries]) => [id, Number(deliveries)])) };
  } while (cursor !== "0-0");
}
