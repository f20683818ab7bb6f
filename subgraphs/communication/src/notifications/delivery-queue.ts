/** One attempt at a queued delivery. */
export interface DeliveryJob {
  deliveryId: string;
  /** 1 for the first attempt. */
  attempt: number;
  /** No attempt follows this one: if it fails, the delivery has failed. */
  lastAttempt: boolean;
}

/**
 * Does one attempt. Returning ends the job; throwing has it tried again after a pause that doubles
 * each time, until the attempts run out.
 */
export type DeliveryJobHandler = (job: DeliveryJob) => Promise<void>;

export interface RetryPolicy {
  /** Attempts per job, the first included. */
  maxAttempts: number;
  /** The pause before the second attempt; each later pause doubles. */
  baseDelayMs: number;
  /** Jobs run at once by one process. */
  concurrency: number;
}

/**
 * Durable scheduled sends: a job names a delivery and when it may go out, and survives restarts of
 * every process until a worker has run it. Redis (BullMQ) in a deployment, a SQLite table on a
 * laptop. Each adapter must pass `delivery-queue.contract.ts`.
 */
export interface DeliveryQueue {
  /** Which adapter this is: `bullmq` or `sqlite`. */
  readonly adapter: string;
  /**
   * Queues the delivery to run at `runAt` (at once when that has passed). A job for the delivery
   * that is still waiting is kept as it is: queuing is idempotent.
   */
  enqueue(deliveryId: string, runAt: Date): Promise<void>;
  /** Starts working off due jobs in this process; call once. */
  process(handler: DeliveryJobHandler): void;
  /** Jobs not finished yet, due or not. */
  waiting(): Promise<number>;
  ping(): Promise<void>;
  /** Stops taking jobs, waits for running ones, and lets go of the storage. */
  close(): Promise<void>;
}

/** The pause after failed attempt `attempt` (1-based): base, 2 × base, 4 × base, … */
export const backoffMs = (policy: RetryPolicy, attempt: number): number =>
  policy.baseDelayMs * 2 ** Math.max(0, attempt - 1);
