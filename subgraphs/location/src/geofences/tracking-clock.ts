import type { TrackingClock } from "./geofences.store.js";

/** The clock of a write at `now`: positions recorded within the live window before it count. */
export const trackingClock = (now: Date, liveWindowSeconds: number): TrackingClock => ({
  now,
  liveSince: new Date(now.getTime() - liveWindowSeconds * 1000),
});
