import { type Logger, perTurnBatches } from "@venta/kit";
import { Redis } from "ioredis";
import type { LiveFeed } from "./live-feed.js";
import { channelsOf, type LiveUpdate } from "./live-update.js";

/** Redis pub/sub, one channel per H3 cell (and per vendor): the feed for more than one process. */
export class RedisLiveFeed implements LiveFeed {
  private readonly publisher: Redis;
  private subscriber: Redis | null = null;
  private readonly handlers: ((update: LiveUpdate) => void)[] = [];
  /** The publishes of one turn of the event loop go out as one pipeline: one write, one reply. */
  private readonly publishTogether = perTurnBatches<readonly LiveUpdate[], void>(async (calls) => {
    const pipeline = this.publisher.pipeline();
    for (const updates of calls)
      for (const update of updates) {
        const message = JSON.stringify(update);
        for (const channel of channelsOf(update)) pipeline.publish(this.prefix + channel, message);
      }
    await pipeline.exec();
    return calls.map(() => undefined);
  });

  constructor(
    url: string,
    private readonly log: Logger,
    private readonly prefix = "venta:live:",
  ) {
    this.publisher = new Redis(url, { maxRetriesPerRequest: 3 });
    this.publisher.on("error", (error) => log.warn({ err: error }, "live feed publisher connection error"));
  }

  async publish(updates: readonly LiveUpdate[]): Promise<void> {
    if (updates.length === 0) return;
    await this.publishTogether(updates);
  }

  private listener(): Redis {
    if (this.subscriber) return this.subscriber;
    // A connection in subscriber mode can do nothing else, so listening gets its own, without the
    // client's own handshake commands (INFO, CLIENT SETINFO): ioredis 5 can send them after a
    // SUBSCRIBE issued mid-handshake, then refuses them and fails every pending listen (ioredis#2037).
    const subscriber = this.publisher.duplicate({ enableReadyCheck: false, disableClientInfo: true });
    subscriber.on("error", (error) => this.log.warn({ err: error }, "live feed subscriber connection error"));
    subscriber.on("message", (_channel: string, message: string) => {
      let update: LiveUpdate;
      try {
        update = JSON.parse(message) as LiveUpdate;
      } catch {
        this.log.warn("ignored a malformed live update");
        return;
      }
      for (const handler of this.handlers) handler(update);
    });
    this.subscriber = subscriber;
    return subscriber;
  }

  async listen(channel: string): Promise<void> {
    await this.listener().subscribe(this.prefix + channel);
  }

  async unlisten(channel: string): Promise<void> {
    await this.subscriber?.unsubscribe(this.prefix + channel);
  }

  onUpdate(handler: (update: LiveUpdate) => void): void {
    this.handlers.push(handler);
  }

  async close(): Promise<void> {
    this.subscriber?.disconnect();
    await this.publisher.quit();
  }
}
