import { DEFAULT_EVENT_STREAM, eventStreamOf, groupsOf, rawEventOf, type StreamEntry } from "@venta/events";
import { Redis } from "ioredis";
import {
  type ConsumerTally,
  emptyWindow,
  tallyConsumer,
  tallyEntries,
  type WindowEvents,
} from "./event-ledger.js";

/** Entries per XRANGE read while a window is counted. */
const READ_COUNT = 5_000;
/** Far more than a drained group can hold: one XPENDING reply lists every pending entry of the window. */
const PENDING_LIMIT = 1_000_000;

/** Where the location stream ended before a window: its entries after this are the window's. */
export interface LedgerMark {
  lastId: string;
}

/**
 * Counts a window's events on the Redis bus the services share: the location stream's entries
 * after a mark, and how far each consumer group on it got through them.
 */
export class RedisEventLedger {
  private readonly redis: Redis;
  readonly stream: string;

  /** `prefix` as the services' `RedisEventBus` is given it (they use the default). */
  constructor(url: string, prefix = DEFAULT_EVENT_STREAM) {
    this.redis = new Redis(url, { maxRetriesPerRequest: 3 });
    this.stream = eventStreamOf(prefix, "location.vendor_location_updated");
  }

  async mark(): Promise<LedgerMark> {
    const [last] = (await this.redis.xrevrange(this.stream, "+", "-", "COUNT", 1)) as StreamEntry[];
    return { lastId: last?.[0] ?? "0-0" };
  }

  /** The window's events after `mark`, and each group's progress; `deadLetters` are each consumer's new ones. */
  async window(
    mark: LedgerMark,
    reporting: ReadonlySet<string>,
    deadLetters: ReadonlyMap<string, number>,
  ): Promise<{ events: WindowEvents; consumers: ConsumerTally[] }> {
    const events = emptyWindow();
    let after = mark.lastId;
    for (;;) {
      const entries = (await this.redis.xrange(
        this.stream,
        `(${after}`,
        "+",
        "COUNT",
        READ_COUNT,
      )) as StreamEntry[];
      if (entries.length === 0) break;
      tallyEntries(
        entries.map(([logId, fields]) => ({ logId, event: rawEventOf(logId, fields) })),
        reporting,
        events,
      );
      after = (entries[entries.length - 1] as StreamEntry)[0];
    }
    const consumers: ConsumerTally[] = [];
    for (const group of await groupsOf(this.redis, this.stream)) {
      const pending = (await this.redis.xpending(
        this.stream,
        group.name,
        `(${mark.lastId}`,
        "+",
        PENDING_LIMIT,
      )) as [id: string, ...unknown[]][];
      consumers.push(
        tallyConsumer(
          group.name,
          events.positions,
          group.lastDeliveredId,
          new Set(pending.map(([id]) => id)),
          deadLetters.get(group.name) ?? 0,
        ),
      );
    }
    return { events, consumers };
  }

  /** The Redis server's process id, to watch its CPU beside the services' (it runs on this machine). */
  async serverPid(): Promise<number | undefined> {
    const match = /process_id:(\d+)/.exec(await this.redis.info("server"));
    return match ? Number(match[1]) : undefined;
  }

  async close(): Promise<void> {
    await this.redis.quit();
  }
}
