import type { Logger } from "@venta/kit";
import type Database from "better-sqlite3";
import {
  backoffMs,
  type DeliveryJobHandler,
  type DeliveryQueue,
  type RetryPolicy,
} from "./delivery-queue.js";

/**
 * A job claimed by a process that then died is taken over after this long; it must outlast any
 * single attempt (each call to a provider times out well before).
 */
const LEASE_MS = 5 * 60_000;

interface ClaimedJob {
  id: string;
  attempts: number;
  lease_until: number;
}

/**
 * The queue as a table of due times in SQLite, polled: the zero-setup scheduler. A job is claimed
 * with a lease in one UPDATE, so several processes sharing the file never run it twice at once; a
 * process that dies mid-job leaves the lease to expire and another takes it over. The queue owns
 * the database it is given and closes it on `close`.
 */
export class SqliteDeliveryQueue implements DeliveryQueue {
  readonly adapter = "sqlite";
  private handler: DeliveryJobHandler | undefined;
  private timer: NodeJS.Timeout | undefined;
  private readonly running = new Set<Promise<void>>();
  private polling = false;
  private closed = false;

  constructor(
    private readonly db: Database.Database,
    private readonly policy: RetryPolicy,
    private readonly log: Logger,
    private readonly pollMs = 1_000,
    private readonly now: () => number = Date.now,
  ) {}

  async enqueue(deliveryId: string, runAt: Date): Promise<void> {
    this.db
      .prepare("INSERT INTO delivery_jobs (id, due_at) VALUES (?, ?) ON CONFLICT (id) DO NOTHING")
      .run(deliveryId, runAt.getTime());
    if (runAt.getTime() <= this.now()) this.wake();
  }

  process(handler: DeliveryJobHandler): void {
    if (this.handler) throw new Error("the delivery queue is already being processed");
    this.handler = handler;
    this.timer = setInterval(() => this.wake(), this.pollMs);
    this.wake();
  }

  async waiting(): Promise<number> {
    return this.db.prepare<[], { n: number }>("SELECT count(*) AS n FROM delivery_jobs").get()?.n ?? 0;
  }

  async ping(): Promise<void> {
    this.db.prepare("SELECT 1").get();
  }

  async close(): Promise<void> {
    this.closed = true;
    if (this.timer) clearInterval(this.timer);
    await Promise.allSettled([...this.running]);
    this.db.close();
  }

  /** Claims as many due jobs as there are free slots and starts them; runs again as slots free up. */
  private wake(): void {
    const handler = this.handler;
    if (!handler || this.closed || this.polling) return;
    this.polling = true;
    try {
      const free = this.policy.concurrency - this.running.size;
      if (free <= 0) return;
      for (const job of this.claim(free)) {
        const run = this.run(handler, job).finally(() => {
          this.running.delete(run);
          this.wake();
        });
        this.running.add(run);
      }
    } catch (error) {
      this.log.error({ err: error }, "claiming due deliveries failed");
    } finally {
      this.polling = false;
    }
  }

  private claim(limit: number): ClaimedJob[] {
    const now = this.now();
    return this.db
      .prepare<[number, number, number, number], ClaimedJob>(
        `UPDATE delivery_jobs SET attempts = attempts + 1, lease_until = ?
         WHERE id IN (
           SELECT id FROM delivery_jobs WHERE due_at <= ? AND (lease_until IS NULL OR lease_until <= ?)
           ORDER BY due_at, id LIMIT ?
         )
         RETURNING id, attempts, lease_until`,
      )
      .all(now + LEASE_MS, now, now, limit);
  }

  private async run(handler: DeliveryJobHandler, job: ClaimedJob): Promise<void> {
    const lastAttempt = job.attempts >= this.policy.maxAttempts;
    // Only the holder of this lease may finish the job: a taken-over job belongs to its new holder.
    const mine = "id = ? AND lease_until = ?";
    try {
      await handler({ deliveryId: job.id, attempt: job.attempts, lastAttempt });
      this.db.prepare(`DELETE FROM delivery_jobs WHERE ${mine}`).run(job.id, job.lease_until);
    } catch (error) {
      if (lastAttempt) {
        this.log.warn({ err: error, deliveryId: job.id, attempt: job.attempts }, "delivery job gave up");
        this.db.prepare(`DELETE FROM delivery_jobs WHERE ${mine}`).run(job.id, job.lease_until);
        return;
      }
      this.db
        .prepare(`UPDATE delivery_jobs SET due_at = ?, lease_until = NULL WHERE ${mine}`)
        .run(this.now() + backoffMs(this.policy, job.attempts), job.id, job.lease_until);
    }
  }
}
