/**
 * Bounds how many live results are handed to sockets per turn of the event loop. One update can
 * reach thousands of subscribers; writing all their frames in one go would hold the loop for as
 * long, and the router's HTTP requests (the position updates themselves among them) would wait
 * behind it. Past `perTurn` deliveries, the rest wait for `setImmediate`, which runs after the loop
 * has polled for I/O: requests get in between chunks, and deliveries keep their order.
 */
export class DeliveryPacer {
  private granted = 0;
  private readonly waiting: (() => void)[] = [];
  private scheduled = false;

  constructor(private readonly perTurn: number) {}

  /** Undefined when the delivery may go now; otherwise a promise settled on its turn. */
  turn(): Promise<void> | undefined {
    // No turn boundary pending: this is a new turn of the loop, with its full allowance.
    if (!this.scheduled) {
      this.granted = 0;
      this.schedule();
    }
    if (this.waiting.length === 0 && this.granted < this.perTurn) {
      this.granted += 1;
      return undefined;
    }
    return new Promise((resolve) => this.waiting.push(resolve));
  }

  /** Deliveries waiting for a later turn. */
  get backlog(): number {
    return this.waiting.length;
  }

  private schedule(): void {
    if (this.scheduled) return;
    this.scheduled = true;
    setImmediate(() => this.nextTurn());
  }

  private nextTurn(): void {
    this.scheduled = false;
    const released = this.waiting.splice(0, this.perTurn);
    this.granted = released.length;
    for (const deliver of released) deliver();
    // The released deliveries run in this turn: the next boundary resets the count they used.
    if (released.length > 0) this.schedule();
  }
}
