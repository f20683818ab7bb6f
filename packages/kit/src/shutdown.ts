import type { Logger } from "pino";

export type Closer = () => Promise<void> | void;

/**
 * Runs `closers` in order on SIGTERM or SIGINT, then exits. A second signal, or a shutdown that
 * takes longer than `graceMs`, exits at once so an orchestrator is never left waiting.
 */
export function closeOnSignals(log: Logger, closers: Closer[], graceMs = 10_000): void {
  let closing = false;
  const shutdown = (signal: NodeJS.Signals) => {
    if (closing) {
      log.warn({ signal }, "second signal: exiting now");
      process.exit(1);
    }
    closing = true;
    log.info({ signal }, "shutting down");
    setTimeout(() => {
      log.error("shutdown took too long: exiting");
      process.exit(1);
    }, graceMs).unref();
    (async () => {
      for (const close of closers) await close();
    })().then(
      () => {
        log.info("stopped");
        process.exit(0);
      },
      (error: unknown) => {
        log.error({ err: error }, "error while shutting down");
        process.exit(1);
      },
    );
  };
  process.once("SIGTERM", shutdown);
  process.once("SIGINT", shutdown);
}
