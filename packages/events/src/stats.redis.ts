import type { Redis } from "ioredis";
import type { RedisDeadLetters } from "./dead-letters.redis.js";
import type { ConsumerStats } from "./event-bus.js";
import { groupsOf } from "./streams.redis.js";

/**
 * Stats per consumer group on the event streams, adding each consumer's redrive stream (redriven
 * letters not yet handled count as lag) and dead letters. Lag covers every entry of the streams a
 * group reads, including types its consumer skips, since Redis hands the group all of them.
 */
export async function redisStats(
  redis: Redis,
  streams: readonly string[],
  dead: RedisDeadLetters,
): Promise<ConsumerStats[]> {
  const stats = new Map<string, ConsumerStats>();
  const add = async (stream: string, only?: string) => {
    for (const group of await groupsOf(redis, stream)) {
      if (only !== undefined && group.name !== only) continue;
      let entry = stats.get(group.name);
      if (!entry) {
        entry = { consumer: group.name, lag: 0, pending: 0, deadLetters: 0 };
        stats.set(group.name, entry);
      }
      // Unknown only after XDEL inside the unread range; the stream's length is then an upper bound.
      entry.lag += group.lag ?? Math.max(0, (await redis.xlen(stream)) - group.pending);
      entry.pending += group.pending;
    }
  };
  for (const stream of streams) await add(stream);
  for (const [consumer, entry] of stats) {
    await add(dead.redriveKey(consumer), consumer);
    entry.deadLetters = await dead.count(consumer);
  }
  return [...stats.values()].sort((a, b) => a.consumer.localeCompare(b.consumer));
}
