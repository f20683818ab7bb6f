import type { Logger } from "@venta/kit";
import type { SchedulesService } from "./schedules.service.js";

export interface HorizonRefresherOptions {
  schedules: Pick<SchedulesService, "refreshHorizons">;
  /** How often to look for horizons running out; hourly by default (`SCHEDULE_REFRESH_MS`). */
  intervalMs: number;
  log: Logger;
}

export interface HorizonRefresher {
  /** Stops the timer and waits for a pass under way. */
  stop(): Promise<void>;
}

/**
 * Keeps published opening hours from running out: a pass at start (which also publishes schedules
 * from before horizons existed), then one every `intervalMs`. A failed pass is retried next time;
 * there is a week of slack. The timer never keeps the process alive on its own.
 */
export function startHorizonRefresher({
  schedules,
  intervalMs,
  log,
}: HorizonRefresherOptions): HorizonRefresher {
  let timer: NodeJS.Timeout | undefined;
  let stopped = false;
  let running: Promise<void> = Promise.resolve();

  const pass = async (): Promise<void> => {
    try {
      const count = await schedules.refreshHorizons();
      if (count > 0) log.info({ count }, "republished vendors' opening hours with a fresh horizon");
    } catch (error) {
      log.warn({ err: error }, "refreshing opening-hours horizons failed; retrying next time");
    }
  };
  const next = (): void => {
    if (stopped) return;
    timer = setTimeout(() => {
      running = pass().finally(next);
    }, intervalMs);
    timer.unref();
  };
  running = pass().finally(next);

  return {
    async stop() {
      stopped = true;
      clearTimeout(timer);
      await running;
    },
  };
}
