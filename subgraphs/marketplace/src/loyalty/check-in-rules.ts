import { greatCircleMeters } from "@venta/geo";
import type { CheckInRecord, CheckInTravel } from "./check-in.record.js";

export interface CheckInRules {
  /** Check-ins one person may make in any hour, at all vendors together, whatever their outcome. */
  limitPerHour: number;
  /** The fastest a person is taken to move between two check-ins; faster is held for review. */
  maxSpeedKmh: number;
}

/**
 * 12 an hour: a whole food-truck park visited stall by stall, with a retry or two for a poor GPS
 * fix, stays under it; a script cycling through vendors does not. 300 km/h: above any car or
 * coach and about the fastest high-speed trains run, so only flying or a spoofed position exceeds
 * it, and a real flight costs one check-in held for review.
 */
export const DEFAULT_CHECK_IN_RULES: CheckInRules = { limitPerHour: 12, maxSpeedKmh: 300 };

/** The window `limitPerHour` counts in. */
export const CHECK_IN_RATE_WINDOW_MS = 60 * 60 * 1000;

/**
 * Distance never counted as travel: two honest fixes in one street can disagree by hundreds of
 * metres (a phone's GPS in a city), and hopping this far buys nothing the rate limit and the
 * per-vendor window do not already bound.
 */
export const TRAVEL_SLACK_METERS = 1000;

/** What the person's check-ins so far say about the next one, as the store reads them. */
export interface CheckInHistory {
  /**
   * Their latest accepted check-in: the last place they are believed to have been. Not a flagged
   * one: a spoofed jump (or one GPS glitch) must not become the place the next claim is measured
   * from, so reaching a far city takes as long as the travel would.
   */
  previous: CheckInRecord | null;
  /** How many check-ins they made in the rate window. */
  recentCount: number;
  /** When the oldest of those was made: one hour later there is room again. */
  oldestRecentAt: Date | null;
}

export type CheckInVerdict =
  | { status: "LIMITED"; retryAt: Date }
  | { status: "ACCEPTED" }
  | { status: "FLAGGED"; travel: CheckInTravel };

export interface CheckInClaim {
  lat: number;
  lng: number;
  at: Date;
}

/** Judges a check-in against the person's history: over the rate, impossibly far, or fine. */
export function judgeCheckIn(
  history: CheckInHistory,
  claim: CheckInClaim,
  rules: CheckInRules,
): CheckInVerdict {
  if (history.recentCount >= rules.limitPerHour) {
    const oldest = history.oldestRecentAt ?? claim.at;
    return { status: "LIMITED", retryAt: new Date(oldest.getTime() + CHECK_IN_RATE_WINDOW_MS) };
  }
  const previous = history.previous;
  if (!previous) return { status: "ACCEPTED" };
  const distanceMeters = greatCircleMeters(previous, claim);
  const travelledMeters = distanceMeters - TRAVEL_SLACK_METERS;
  if (travelledMeters <= 0) return { status: "ACCEPTED" };
  // A clock a little behind another instance's reads as no time at all: the strictest reading.
  const elapsedSeconds = Math.max(0, (claim.at.getTime() - previous.at.getTime()) / 1000);
  const reachableMeters = (rules.maxSpeedKmh / 3.6) * elapsedSeconds;
  if (travelledMeters <= reachableMeters) return { status: "ACCEPTED" };
  return {
    status: "FLAGGED",
    travel: {
      fromLat: previous.lat,
      fromLng: previous.lng,
      fromAt: previous.at,
      distanceMeters,
      elapsedSeconds,
    },
  };
}
