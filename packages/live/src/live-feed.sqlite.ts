import { migrateSqlite } from "@venta/store";
import Database from "better-sqlite3";
import type { LiveFeed } from "./live-feed.js";
import { liveFeedMigrations } from "./live-feed.migration.js";
import { channelsOf, type LiveUpdate } from "./live-update.js";

/** How long an update stays in the file: long enough for every local listener to have read it. */
const RETAIN_MS = 30_000;

/**
 * The zero-setup feed: updates go into a small SQLite file that local processes share; listeners
 * read what is new every few milliseconds and keep only their channels' updates.
 */
export class SqliteLiveFeed implements LiveFeed {
  private readonly db: Database.Database;
  private readonly channels = new Set<string>();
  private readonly handlers: ((update: LiveUpdate) => void)[] = [];
  private readonly insert;
  private lastSeq = -1;
  private timer: NodeJS.Timeout | undefined;
  private lastPrune = 0;

  constructor(
    filename: string,
    private readonly pollMs = 20,
  ) {
    this.db = new Database(filename);
    this.db.pragma("journal_mode = WAL");
    this.db.pragma("synchronous = OFF");
    this.db.pragma("busy_timeout = 5000");
    migrateSqlite(this.db, [liveFeedMigrations]);
    this.insert = this.db.prepare(
      "INSERT INTO live_updates (channels, payload, published_at) VALUES (?, ?, ?)",
    );
  }

  async publish(updates: readonly LiveUpdate[]): Promise<void> {
    const now = Date.now();
    this.db.transaction(() => {
      for (const update of updates)
        this.insert.run(` ${channelsOf(update).join(" ")} `, JSON.stringify(update), now);
    })();
    if (now - this.lastPrune > 5_000) {
      this.lastPrune = now;
      this.db.prepare("DELETE FROM live_updates WHERE published_at < ?").run(now - RETAIN_MS);
    }
  }

  async listen(channel: string): Promise<void> {
    this.channels.add(channel);
    if (this.timer) return;
    // Listening starts now: what was published before is history, not live.
    this.lastSeq =
      (this.db.prepare("SELECT max(seq) AS seq FROM live_updates").get() as { seq: number | null }).seq ?? 0;
    const next = this.db.prepare<[number], { seq: number; channels: string; payload: string }>(
      "SELECT seq, channels, payload FROM live_updates WHERE seq > ? ORDER BY seq LIMIT 5000",
    );
    const poll = () => {
      for (const row of next.all(this.lastSeq)) {
        this.lastSeq = row.seq;
        if (!row.channels.split(" ").some((channel) => this.channels.has(channel))) continue;
        const update = JSON.parse(row.payload) as LiveUpdate;
        for (const handler of this.handlers) handler(update);
      }
      this.timer = setTimeout(poll, this.pollMs);
    };
    this.timer = setTimeout(poll, this.pollMs);
  }

  async unlisten(channel: string): Promise<void> {
    this.channels.delete(channel);
  }

  onUpdate(handler: (update: LiveUpdate) => void): void {
    this.handlers.push(handler);
  }

  async close(): Promise<void> {
    clearTimeout(this.timer);
    this.db.close();
  }
}
