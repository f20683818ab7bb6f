/**
 * What the sandbox does after answering a request: webhook deliveries and their retries, disputes
 * that open a moment after a charge. Tests wait for it with `idle()`; `close()` stops it all.
 */
export class BackgroundWork {
  private readonly running = new Set<Promise<unknown>>();
  private readonly timers = new Map<NodeJS.Timeout, () => void>();
  private readonly aborter = new AbortController();

  /** `onError` hears of a scheduled task that threw: a fault of the sandbox, never of a caller. */
  constructor(private readonly onError: (error: unknown) => void) {}

  /** Aborted on close: a delivery in flight gives up rather than holding the process open. */
  get signal(): AbortSignal {
    return this.aborter.signal;
  }

  get stopped(): boolean {
    return this.aborter.signal.aborted;
  }

  track(work: Promise<unknown>): void {
    if (this.stopped) return;
    const settled = work.then(
      () => undefined,
      () => undefined,
    );
    this.running.add(settled);
    void settled.then(() => this.running.delete(settled));
  }

  /** Runs `task` after `delayMs`, counted as pending until it has run (and what it started). */
  later(delayMs: number, task: () => void): void {
    if (this.stopped) return;
    let done!: () => void;
    const waiting = new Promise<void>((resolve) => {
      done = resolve;
    });
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      try {
        task();
      } catch (error) {
        this.onError(error);
      } finally {
        done();
      }
    }, delayMs);
    this.timers.set(timer, done);
    this.track(waiting);
  }

  /** Resolves once nothing is pending, including work that pending work started meanwhile. */
  async idle(): Promise<void> {
    while (this.running.size > 0) await Promise.all([...this.running]);
  }

  stop(): void {
    this.aborter.abort();
    for (const [timer, done] of this.timers) {
      clearTimeout(timer);
      done();
    }
    this.timers.clear();
  }
}
