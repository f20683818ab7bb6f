import type { Logger } from "@venta/kit";
import type { LiveFeed } from "@venta/live";
import type { PositionsStore } from "../positions/positions.store.js";
import { liveUpdate } from "./live-updates.js";

export interface OfflineSweeperOptions {
  positions: PositionsStore;
  feed: LiveFeed;
  liveWindowSeconds: number;
  intervalMs: number;
  log: Logger;
  now?: () => Date;
}

/**
 * Announces vendors that stopped broadcasting: each sweep looks at positions that crossed the live
 * window since the previous sweep, so every vendor going stale is announced once, and maps drop no
 * ghost vendors.
 */
export function startOfflineSweeper({
  positions,
  feed,
  liveWindowSeconds,
  intervalMs,
  log,
  now = () => new Date(),
}: OfflineSweeperOptions) {
  const windowMs = liveWindowSeconds * 1000;
  let sweptUntil = new Date(now().getTime() - windowMs);
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> = Promise.resolve();

  const sweep = async () => {
    const until = new Date(now().getTime() - windowMs);
    const stale = await positions.recordedBetween(sweptUntil, until);
    sweptUntil = until;
    if (stale.length > 0) {
      await feed.publish(
        stale.map((position) => liveUpdate("offline", position, { lat: position.lat, lng: position.lng })),
      );
      log.debug({ count: stale.length }, "vendors went offline");
    }
  };
  const schedule = () => {
    timer = setTimeout(() => {
      running = sweep()
        .catch((error: unknown) => log.warn({ err: error }, "offline sweep failed; retrying next time"))
        .finally(schedule);
    }, intervalMs);
  };
  schedule();
  return {
    async stop() {
      clearTimeout(timer);
      await running;
    },
  };
}
