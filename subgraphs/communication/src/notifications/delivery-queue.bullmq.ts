import type { Logger } from "@venta/kit";
import { type Job, Queue, Worker } from "bullmq";
import { Redis } from "ioredis";
import type { DeliveryJobHandler, DeliveryQueue, RetryPolicy } from "./delivery-queue.js";

export const DELIVERY_QUEUE_NAME = "notification-deliveries";

/**
 * The queue on Redis with BullMQ: delayed jobs for scheduled sends, BullMQ's own attempts and
 * exponential backoff for retries, the delivery id as job id so queuing twice keeps one job.
 * Any number of processes may work the queue; BullMQ hands each job to one of them at a time and
 * gives a dead process's jobs to another.
 */
export class BullmqDeliveryQueue implements DeliveryQueue {
  readonly adapter = "bullmq";
  private readonly connection: Redis;
  private readonly queue: Queue;
  private worker: { worker: Worker; connection: Redis } | undefined;

  constructor(
    private readonly redisUrl: string,
    private readonly policy: RetryPolicy,
    private readonly log: Logger,
    /** Namespaces every key, so tests (or two deployments on one Redis) never meet. */
    private readonly prefix = "venta:bull",
  ) {
    this.connection = new Redis(redisUrl, { maxRetriesPerRequest: null });
    this.queue = new Queue(DELIVERY_QUEUE_NAME, { connection: this.connection, prefix });
  }

  async enqueue(deliveryId: string, runAt: Date): Promise<void> {
    await this.queue.add(
      "deliver",
      {},
      {
        jobId: deliveryId,
        delay: Math.max(0, runAt.getTime() - Date.now()),
        attempts: this.policy.maxAttempts,
        backoff: { type: "exponential", delay: this.policy.baseDelayMs },
        // A finished job's outcome lives on the delivery; Redis keeps nothing personal or stale.
        removeOnComplete: true,
        removeOnFail: true,
      },
    );
  }

  process(handler: DeliveryJobHandler): void {
    if (this.worker) throw new Error("the delivery queue is already being processed");
    // A worker blocks its connection waiting for jobs, so it gets one of its own.
    const connection = new Redis(this.redisUrl, { maxRetriesPerRequest: null });
    const worker = new Worker(
      DELIVERY_QUEUE_NAME,
      async (job: Job) => {
        const attempt = job.attemptsMade + 1;
        const id = job.id;
        if (!id) throw new Error("a delivery job without an id");
        await handler({ deliveryId: id, attempt, lastAttempt: attempt >= (job.opts.attempts ?? 1) });
      },
      {
        connection,
        prefix: this.prefix,
        concurrency: this.policy.concurrency,
      },
    );
    worker.on("failed", (job, error) => {
      if (job && job.attemptsMade >= (job.opts.attempts ?? 1)) {
        this.log.warn({ err: error, deliveryId: job.id, attempts: job.attemptsMade }, "delivery job gave up");
      }
    });
    worker.on("error", (error) => this.log.error({ err: error }, "delivery worker error"));
    this.worker = { worker, connection };
  }

  async waiting(): Promise<number> {
    const counts = await this.queue.getJobCounts("waiting", "delayed", "active", "prioritized");
    return Object.values(counts).reduce((sum, n) => sum + n, 0);
  }

  async ping(): Promise<void> {
    await this.connection.ping();
  }

  async close(): Promise<void> {
    if (this.worker) {
      await this.worker.worker.close();
      this.worker.connection.disconnect();
    }
    await this.queue.close();
    this.connection.disconnect();
  }
}
