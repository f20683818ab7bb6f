import type { Redis } from "ioredis";
import { compareIds, groupsOf, successorId } from "./streams.redis.js";

/** Entries evicted per approximate XTRIM call: bounded, so one call never blocks Redis for long. */
const TRIM_STEP = 10_000;

/**
 * Trims an event stream to what someone may still need: everything younger than `retentionMs`
 * (kept for replay by new consumers), and everything a consumer group has not acknowledged yet —
 * its oldest pending entry, or what follows its last delivered one. Returns how many were removed.
 *
 * This is the safe counterpart to the MAXLEN cap applied on publish: MAXLEN cannot know about
 * groups, so it is only the backstop against a group abandoned for good, and set generously.
 */
export async function trimStream(redis: Redis, stream: string, retentionMs: number): Promise<number> {
  if ((await redis.exists(stream)) === 0) return 0;
  const groups = await groupsOf(redis, stream);
  // Stream ids carry the Redis server's clock, so the cut-off is taken from that clock too.
  const [seconds, micros] = await redis.time();
  const nowMs = Number(seconds) * 1_000 + Math.floor(Number(micros) / 1_000);
  let keepFrom = `${Math.max(0, nowMs - retentionMs)}-0`;
  for (const group of groups) {
    const needs = group.pending > 0 ? await oldestPending(redis, stream, group.name) : undefined;
    const from = needs ?? successorId(group.lastDeliveredId);
    if (compareIds(from, keepFrom) < 0) keepFrom = from;
  }
  let removed = 0;
  // Whole nodes first, cheaply and in bounded steps…
  for (;;) {
    const evicted = await redis.xtrim(stream, "MINID", "~", keepFrom, "LIMIT", TRIM_STEP);
    removed += evicted;
    if (evicted === 0) break;
  }
  // …then the few entries left in the node that straddles the boundary, so the cut is exact.
  return removed + (await redis.xtrim(stream, "MINID", keepFrom));
}

async function oldestPending(redis: Redis, stream: string, group: string): Promise<string | undefined> {
  const [, smallest] = (await redis.xpending(stream, group)) as [number, string | null, ...unknown[]];
  return smallest ?? undefined;
}
