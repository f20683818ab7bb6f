import { afterEach, describe, expect, it } from "vitest";
import type { DeliveryJob, DeliveryQueue, RetryPolicy } from "./delivery-queue.js";

/**
 * Opens a queue over `storage` (the same value means the same durable storage, as after a
 * restart); the adapter's test owns creating and removing storages.
 */
export type OpenDeliveryQueue = (storage: string, policy: RetryPolicy) => Promise<DeliveryQueue>;

const POLICY: RetryPolicy = { maxAttempts: 3, baseDelayMs: 20, concurrency: 1 };
const HOUR = 3_600_000;

/** Resolves once `done()` holds, checking every 10 ms; fails the test after 10 s. */
async function eventually(done: () => boolean | Promise<boolean>, what: string): Promise<void> {
  const deadline = Date.now() + 10_000;
  while (!(await done())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting until ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

/** The behaviour every delivery queue must show; each adapter's test file runs it. */
export function deliveryQueueContract(
  adapter: string,
  open: OpenDeliveryQueue,
  newStorage: () => string,
): void {
  describe(`${adapter} delivery queue`, () => {
    const opened: DeliveryQueue[] = [];
    const openQueue = async (storage: string, policy = POLICY) => {
      const queue = await open(storage, policy);
      opened.push(queue);
      return queue;
    };
    afterEach(async () => {
      await Promise.all(opened.splice(0).map((queue) => queue.close()));
    });

    /** Records each job's attempts; `fail(id, n)` makes the job fail its first n attempts. */
    const recorder = () => {
      const runs: DeliveryJob[] = [];
      const failures = new Map<string, number>();
      return {
        runs,
        fail: (id: string, times: number) => failures.set(id, times),
        handler: async (job: DeliveryJob) => {
          runs.push(job);
          const left = failures.get(job.deliveryId) ?? 0;
          if (left > 0) {
            failures.set(job.deliveryId, left - 1);
            throw new Error(`attempt ${job.attempt} of ${job.deliveryId} failed`);
          }
        },
        of: (id: string) => runs.filter((r) => r.deliveryId === id),
      };
    };

    it("runs a due job once, as its first attempt", async () => {
      const queue = await openQueue(newStorage());
      const jobs = recorder();
      queue.process(jobs.handler);
      await queue.enqueue("d-1", new Date());
      await eventually(() => jobs.runs.length === 1, "the job ran");
      expect(jobs.runs).toEqual([{ deliveryId: "d-1", attempt: 1, lastAttempt: false }]);
      await eventually(async () => (await queue.waiting()) === 0, "the job is gone");
    });

    it("keeps one job when a delivery is queued twice", async () => {
      const queue = await openQueue(newStorage());
      await queue.enqueue("d-1", new Date());
      await queue.enqueue("d-1", new Date());
      expect(await queue.waiting()).toBe(1);
      const jobs = recorder();
      queue.process(jobs.handler);
      // One at a time, in order: once the marker queued after it has run, a second d-1 would have too.
      await queue.enqueue("d-2-marker", new Date(Date.now() + 50));
      await eventually(() => jobs.of("d-2-marker").length === 1, "the marker ran");
      expect(jobs.of("d-1")).toHaveLength(1);
    });

    it("holds a job until it is due", async () => {
      const queue = await openQueue(newStorage());
      const jobs = recorder();
      queue.process(jobs.handler);
      await queue.enqueue("later", new Date(Date.now() + HOUR));
      await queue.enqueue("soon", new Date(Date.now() + 100));
      await queue.enqueue("now", new Date());
      await eventually(() => jobs.runs.length === 2, "the due jobs ran");
      expect(jobs.runs.map((r) => r.deliveryId)).toEqual(["now", "soon"]);
      expect(await queue.waiting()).toBe(1);
    });

    it("retries a failing job with growing attempt numbers until it succeeds", async () => {
      const queue = await openQueue(newStorage());
      const jobs = recorder();
      jobs.fail("flaky", 2);
      queue.process(jobs.handler);
      await queue.enqueue("flaky", new Date());
      await eventually(() => jobs.runs.length === 3, "three attempts ran");
      expect(jobs.runs).toEqual([
        { deliveryId: "flaky", attempt: 1, lastAttempt: false },
        { deliveryId: "flaky", attempt: 2, lastAttempt: false },
        { deliveryId: "flaky", attempt: 3, lastAttempt: true },
      ]);
      await eventually(async () => (await queue.waiting()) === 0, "the job is gone");
    });

    it("gives up after the last attempt", async () => {
      const queue = await openQueue(newStorage());
      const jobs = recorder();
      jobs.fail("broken", 99);
      queue.process(jobs.handler);
      await queue.enqueue("broken", new Date());
      await eventually(() => jobs.of("broken").length === 3, "three attempts ran");
      await eventually(async () => (await queue.waiting()) === 0, "the job is dropped");
      // (Not "marker": BullMQ keeps a key of that name beside its jobs.)
      await queue.enqueue("afterwards", new Date());
      await eventually(() => jobs.of("afterwards").length === 1, "the marker ran");
      expect(jobs.of("broken").map((r) => r.attempt)).toEqual([1, 2, 3]);
    });

    it("keeps waiting jobs across a restart", async () => {
      const storage = newStorage();
      const before = await openQueue(storage);
      await before.enqueue("survivor", new Date(Date.now() + 200));
      await before.close();
      opened.splice(opened.indexOf(before), 1);
      const after = await openQueue(storage);
      const jobs = recorder();
      after.process(jobs.handler);
      await eventually(() => jobs.runs.length === 1, "the job ran after the restart");
      expect(jobs.runs[0]?.deliveryId).toBe("survivor");
    });

    it("runs each job once when several processes work the same queue", async () => {
      const storage = newStorage();
      const policy = { ...POLICY, concurrency: 4 };
      const [a, b] = [await openQueue(storage, policy), await openQueue(storage, policy)];
      const jobs = recorder();
      a?.process(jobs.handler);
      b?.process(jobs.handler);
      const ids = Array.from({ length: 20 }, (_, i) => `job-${String(i).padStart(2, "0")}`);
      await Promise.all(ids.map((id) => a?.enqueue(id, new Date())));
      await eventually(() => jobs.runs.length >= 20, "every job ran");
      await eventually(async () => (await a?.waiting()) === 0, "the queue is empty");
      expect(jobs.runs.map((r) => r.deliveryId).sort()).toEqual(ids);
    });
  });
}
