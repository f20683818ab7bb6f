import type { Redis } from "ioredis";
import type { DeadLetter, RawEvent } from "./event-bus.js";
import { eventFields, fieldsOf, rawEventOf } from "./streams.redis.js";

/** Letters moved per script call: a script blocks Redis while it runs, so each call stays short. */
const REDRIVE_BATCH = 500;

/**
 * Moves a batch from the dead-letter stream to the consumer's redrive stream in one step, so that
 * two operators redriving at once cannot hand the same letter over twice.
 */
const REDRIVE_SCRIPT = `
local entries = redis.call('XRANGE', KEYS[1], '-', '+', 'COUNT', tonumber(ARGV[1]))
for _, entry in ipairs(entries) do
  redis.call('XADD', KEYS[2], '*', unpack(entry[2]))
  redis.call('XDEL', KEYS[1], entry[1])
end
return #entries
`;

/**
 * Dead letters on Redis: one stream per consumer (`<base>:dead:<consumer>`) holding the event's own
 * fields plus why and when it died. Redriving moves them to `<base>:redrive:<consumer>`, a stream
 * only that consumer's group reads, so other consumers do not see the events again.
 */
export class RedisDeadLetters {
  constructor(
    private readonly redis: Redis,
    private readonly base: string,
  ) {}

  deadKey(consumer: string): string {
    return `${this.base}:dead:${consumer}`;
  }

  redriveKey(consumer: string): string {
    return `${this.base}:redrive:${consumer}`;
  }

  async add(consumer: string, event: RawEvent, error: string, attempts: number, deadAt: Date): Promise<void> {
    await this.redis.xadd(
      this.deadKey(consumer),
      "*",
      ...eventFields(event),
      "consumer",
      consumer,
      "error",
      error,
      "attempts",
      String(attempts),
      "deadAt",
      deadAt.toISOString(),
    );
  }

  async list(consumer: string, limit: number): Promise<DeadLetter[]> {
    const entries = await this.redis.xrange(this.deadKey(consumer), "-", "+", "COUNT", limit);
    return entries.map(([id, fields]) => {
      const map = fieldsOf(fields);
      return {
        event: rawEventOf(id, fields),
        consumer: map.get("consumer") ?? consumer,
        error: map.get("error") ?? "",
        attempts: Number(map.get("attempts") ?? 0),
        deadAt: map.get("deadAt") ?? new Date(Number(id.split("-")[0])).toISOString(),
      };
    });
  }

  async count(consumer: string): Promise<number> {
    return this.redis.xlen(this.deadKey(consumer));
  }

  async redrive(consumer: string): Promise<number> {
    let moved = 0;
    for (;;) {
      const batch = Number(
        await this.redis.eval(
          REDRIVE_SCRIPT,
          2,
          this.deadKey(consumer),
          this.redriveKey(consumer),
          REDRIVE_BATCH,
        ),
      );
      moved += batch;
      if (batch < REDRIVE_BATCH) return moved;
    }
  }
}
