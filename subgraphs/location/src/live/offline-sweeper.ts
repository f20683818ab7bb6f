import type { Logger } from "@venta/kit";
import type { LiveFeed } from "@venta/live";
import type { GeofencesStore } from "../geofences/geofences.store.js";
import { trackingClock } from "../geofences/tracking-clock.js";
import type { PositionsStore } from "../positions/positions.store.js";
import { liveUpdate } from "./live-updates.js";

/** Vendors taken out of their fences per transaction, so a backlog never holds the database long. */
const FENCE_EXITS_PER_TRANSACTION = 500;

export interface OfflineSweeperOptions {
  positions: PositionsStore;
  geofences: GeofencesStore;
  feed: LiveFeed;
  liveWindowSeconds: number;
  intervalMs: number;
  log: Logger;
  now?: () => Date;
}

/**
 * Announces vendors that stopped broadcasting: each sweep looks at positions that crossed the live
 * window since the previous sweep, so every vendor going stale is announced once, and maps drop no
 * ghost vendors. Each sweep also takes every stale vendor out of the fences it was in (EXIT events
 * through the outbox); that part reads the stored memberships, not the window, so it also catches
 * vendors that went stale while no process was running.
 */
export function startOfflineSweeper({
  positions,
  geofences,
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
    const clock = trackingClock(now(), liveWindowSeconds);
    for (;;) {
      const swept = await geofences.sweepOffline(clock, FENCE_EXITS_PER_TRANSACTION);
      if (swept.transitions.length > 0)
        log.debug({ count: swept.transitions.length }, "offline vendors left their geofences");
      if (swept.vendors < FENCE_EXITS_PER_TRANSACTION) break;
    }
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
