import type { CheckInListKey, CheckInRecord } from "./check-in.record.js";
import type { CheckInHistory, CheckInVerdict } from "./check-in-rules.js";
import type { Page } from "./points.record.js";

/** A check-in before it is judged: the store gives it its sequence, the verdict its status. */
export type CheckInAttempt = Omit<CheckInRecord, "sequence" | "status" | "travel">;

export interface CheckInWindows {
  /** Start of the rate window: `recentCount` counts check-ins after it. */
  since: Date;
  /**
   * Accepted check-ins older than this are forgotten (claimed positions are personal data), all
   * but the person's latest accepted one, which the next check-in is measured from. Flagged ones
   * stay for review. Never after `since`.
   */
  keepSince: Date;
}

/** Where check-ins are judged and kept. Each adapter must pass `check-ins.store.contract.ts`. */
export interface CheckInsStore {
  /**
   * Reads the person's history, asks `judge` for a verdict and records the check-in with it, as
   * one step: concurrent check-ins of one person are judged one after another, each seeing those
   * recorded before it, so two claims from far apart can never both pass. A LIMITED verdict
   * records nothing. `judge` may be called more than once; only its last verdict counts.
   */
  record(
    attempt: CheckInAttempt,
    windows: CheckInWindows,
    judge: (history: CheckInHistory) => CheckInVerdict,
  ): Promise<{ verdict: CheckInVerdict; record: CheckInRecord | null }>;
  /** Flagged check-ins of everyone, newest first, after `after` when given: the admins' review list. */
  listFlagged(first: number, after?: CheckInListKey): Promise<Page<CheckInRecord>>;
  /** Every check-in of a person, oldest first (the data export). */
  everythingOf(userId: string): Promise<CheckInRecord[]>;
  /** Deletes every check-in of a person (account deletion). */
  eraseUser(userId: string): Promise<void>;
}
