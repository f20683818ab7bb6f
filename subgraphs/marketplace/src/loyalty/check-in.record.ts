/** What a recorded check-in turned out to be. */
export const CHECK_IN_STATUSES = ["ACCEPTED", "FLAGGED"] as const;
export type CheckInStatus = (typeof CHECK_IN_STATUSES)[number];

/** How far a person would have had to travel since their previous check-in, for a flagged one. */
export interface CheckInTravel {
  fromLat: number;
  fromLng: number;
  fromAt: Date;
  distanceMeters: number;
  /** 0 when the two check-ins were judged at the same instant (they raced). */
  elapsedSeconds: number;
}

/**
 * A check-in a person made, kept to judge their next one (rate and travel) and, when flagged, for
 * an admin's review. The position is the one the person's device claimed.
 */
export interface CheckInRecord {
  id: string;
  userId: string;
  vendorId: string;
  lat: number;
  lng: number;
  at: Date;
  /**
   * 1, 2, 3… per person, unique with `userId`: two check-ins of one person can never both follow
   * the same previous one, which is what makes each one judged against all that came before.
   */
  sequence: number;
  status: CheckInStatus;
  /** For a FLAGGED check-in: the travel that made it implausible; null otherwise. */
  travel: CheckInTravel | null;
}

/** The record a judged check-in becomes: the person's next in sequence, as the verdict found it. */
export function judgedCheckIn(
  attempt: Omit<CheckInRecord, "sequence" | "status" | "travel">,
  latestSequence: number,
  verdict: { status: "ACCEPTED" } | { status: "FLAGGED"; travel: CheckInTravel },
): CheckInRecord {
  return {
    ...attempt,
    sequence: latestSequence + 1,
    status: verdict.status,
    travel: verdict.status === "FLAGGED" ? verdict.travel : null,
  };
}

/** Position in the newest-first (at, id) order the flagged list follows. */
export interface CheckInListKey {
  at: Date;
  id: string;
}
