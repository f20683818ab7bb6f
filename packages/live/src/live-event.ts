import { areaContains, type LiveArea } from "./area.js";
import type { LivePosition, LiveUpdate } from "./live-update.js";

export type LiveEventKind = "MOVED" | "ENTERED" | "LEFT" | "OFFLINE";

/** One event for one subscriber. */
export interface LiveEvent {
  kind: LiveEventKind;
  /**
   * The update this event reports (a coalesced event: the latest one's). With `kind` it names what
   * a subscriber is told, so subscribers told the same can share one execution of their selection.
   */
  updateId: string;
  vendorId: string;
  position: LivePosition;
  /** The update's `acceptedAt`: a coalesced event keeps the latest update's. */
  acceptedAt?: number;
  /**
   * When this process heard the update from the feed (`performance.now()`), for the time it
   * spends here before a socket write; a coalesced event keeps the latest update's.
   */
  heardAt?: number;
}

/**
 * What an update means to a subscriber of `area`, or null when it does not concern it; `heardAt`
 * is when the update arrived from the feed, if known.
 */
export function eventFor(area: LiveArea, update: LiveUpdate, heardAt?: number): LiveEvent | null {
  const isIn = areaContains(area, update.vendorId, update.position);
  const base = {
    updateId: update.id,
    vendorId: update.vendorId,
    position: update.position,
    ...(update.acceptedAt === undefined ? {} : { acceptedAt: update.acceptedAt }),
    ...(heardAt === undefined ? {} : { heardAt }),
  };
  if (update.type === "offline") return isIn ? { ...base, kind: "OFFLINE" } : null;
  const wasIn = update.previous !== null && areaContains(area, update.vendorId, update.previous);
  if (area.kind === "vendors") return isIn ? { ...base, kind: "MOVED" } : null;
  if (wasIn && isIn) return { ...base, kind: "MOVED" };
  if (isIn) return { ...base, kind: "ENTERED" };
  if (wasIn) return { ...base, kind: "LEFT" };
  return null;
}

const visibleBefore = (kind: LiveEventKind) => kind !== "ENTERED";
const visibleAfter = (kind: LiveEventKind) => kind !== "LEFT";

/**
 * Folds two undelivered events about one vendor into one that takes the subscriber from what it
 * last saw to the latest state; null when the subscriber need not hear anything (in and out again).
 */
export function coalesce(earlier: LiveEvent, later: LiveEvent): LiveEvent | null {
  const before = visibleBefore(earlier.kind);
  const after = visibleAfter(later.kind);
  if (before && after) return { ...later, kind: later.kind === "OFFLINE" ? "OFFLINE" : "MOVED" };
  if (before) return { ...later, kind: "LEFT" };
  if (after) return { ...later, kind: "ENTERED" };
  return null;
}
