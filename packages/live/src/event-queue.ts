import { coalesce, type LiveEvent } from "./live-event.js";

/**
 * One subscriber's undelivered events, latest per vendor. A consumer that keeps up sees every
 * event; a slow one sees each vendor's net change since it last read, so memory is bounded by the
 * number of vendors in its area, and by `limit` beyond that.
 */
export class EventQueue implements AsyncIterableIterator<LiveEvent> {
  private readonly pending = new Map<string, LiveEvent>();
  private waiting: ((result: IteratorResult<LiveEvent>) => void) | null = null;
  private closed = false;

  constructor(
    private readonly limit: number,
    private readonly onClose: () => void,
  ) {}

  /** False when the queue is full of distinct vendors: the caller should end the subscription. */
  push(event: LiveEvent): boolean {
    if (this.closed) return true;
    if (this.waiting) {
      const resolve = this.waiting;
      this.waiting = null;
      resolve({ value: event, done: false });
      return true;
    }
    const earlier = this.pending.get(event.vendorId);
    if (earlier) {
      // Re-inserted so a vendor's net event keeps its place behind vendors that changed before it.
      this.pending.delete(event.vendorId);
      const merged = coalesce(earlier, event);
      if (merged) this.pending.set(event.vendorId, merged);
      return true;
    }
    if (this.pending.size >= this.limit) return false;
    this.pending.set(event.vendorId, event);
    return true;
  }

  get size(): number {
    return this.pending.size;
  }

  next(): Promise<IteratorResult<LiveEvent>> {
    const first = this.pending.entries().next();
    if (!first.done) {
      const [vendorId, event] = first.value;
      this.pending.delete(vendorId);
      return Promise.resolve({ value: event, done: false });
    }
    if (this.closed) return Promise.resolve({ value: undefined, done: true });
    return new Promise((resolve) => {
      this.waiting = resolve;
    });
  }

  return(): Promise<IteratorResult<LiveEvent>> {
    this.close();
    return Promise.resolve({ value: undefined, done: true });
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    this.pending.clear();
    this.waiting?.({ value: undefined, done: true });
    this.waiting = null;
    this.onClose();
  }

  [Symbol.asyncIterator](): AsyncIterableIterator<LiveEvent> {
    return this;
  }
}
