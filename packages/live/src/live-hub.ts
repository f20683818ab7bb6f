import type { LiveArea } from "./area.js";
import { channelsFor } from "./channels.js";
import { EventQueue } from "./event-queue.js";
import { eventFor } from "./live-event.js";
import type { LiveFeed } from "./live-feed.js";
import { channelsOf, type LiveUpdate } from "./live-update.js";

interface Subscriber {
  area: LiveArea;
  channels: string[];
  queue: EventQueue;
}

export interface LiveHubOptions {
  /** Most distinct vendors a slow subscriber may have pending before its subscription is ended. */
  queueLimit?: number;
  /** Told how many subscribers each update reached (for `venta_live_events_fanned_out_total`). */
  onFannedOut?: (events: number) => void;
  /** Told of each distinct update as it arrives from the feed, before fan-out (for `venta_live_feed_delay_seconds`). */
  onHeard?: (update: LiveUpdate) => void;
}

/**
 * Fans live updates out to subscribers. Subscribers are indexed by channel, so an update is
 * checked only against those watching one of its cells, never against everyone; the feed listens
 * to a channel while at least one subscriber needs it.
 */
export class LiveHub {
  private readonly byChannel = new Map<string, Set<Subscriber>>();
  private readonly recent = new Set<string>();
  private readonly queueLimit: number;
  private readonly onFannedOut: (events: number) => void;
  private readonly onHeard: (update: LiveUpdate) => void;

  constructor(
    private readonly feed: LiveFeed,
    options: LiveHubOptions = {},
  ) {
    this.queueLimit = options.queueLimit ?? 10_000;
    this.onFannedOut = options.onFannedOut ?? (() => {});
    this.onHeard = options.onHeard ?? (() => {});
    feed.onUpdate((update) => this.dispatch(update));
  }

  /** Events for `area` from now on, until the returned iterator is closed. */
  async subscribe(area: LiveArea): Promise<EventQueue> {
    const channels = channelsFor(area);
    const subscriber: Subscriber = {
      area,
      channels,
      queue: new EventQueue(this.queueLimit, () => this.remove(subscriber)),
    };
    const listens: Promise<void>[] = [];
    for (const channel of channels) {
      let watchers = this.byChannel.get(channel);
      if (!watchers) {
        watchers = new Set();
        this.byChannel.set(channel, watchers);
        listens.push(this.feed.listen(channel));
      }
      watchers.add(subscriber);
    }
    await Promise.all(listens);
    return subscriber.queue;
  }

  /** How many subscriptions are open. */
  get size(): number {
    const all = new Set<Subscriber>();
    for (const watchers of this.byChannel.values()) for (const s of watchers) all.add(s);
    return all.size;
  }

  private remove(subscriber: Subscriber): void {
    for (const channel of subscriber.channels) {
      const watchers = this.byChannel.get(channel);
      if (!watchers) continue;
      watchers.delete(subscriber);
      if (watchers.size === 0) {
        this.byChannel.delete(channel);
        void this.feed.unlisten(channel);
      }
    }
  }

  private dispatch(update: LiveUpdate): void {
    // The same update arrives once per channel it was published on: handle it once.
    if (this.recent.has(update.id)) return;
    this.recent.add(update.id);
    if (this.recent.size > 50_000) this.recent.delete(this.recent.values().next().value as string);
    const heardAt = performance.now();
    this.onHeard(update);

    const reached = new Set<Subscriber>();
    for (const channel of channelsOf(update)) {
      for (const subscriber of this.byChannel.get(channel) ?? []) reached.add(subscriber);
    }
    let fannedOut = 0;
    for (const subscriber of reached) {
      const event = eventFor(subscriber.area, update, heardAt);
      if (!event) continue;
      fannedOut += 1;
      if (!subscriber.queue.push(event)) subscriber.queue.close();
    }
    if (fannedOut > 0) this.onFannedOut(fannedOut);
  }
}
