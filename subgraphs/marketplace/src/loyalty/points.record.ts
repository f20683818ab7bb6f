/** Why points moved. */
export const POINTS_REASONS = ["CHECK_IN", "REVIEW", "PURCHASE", "REDEMPTION", "ADJUSTMENT"] as const;
export type PointsReason = (typeof POINTS_REASONS)[number];

/**
 * One line of the append-only points ledger of a (member, vendor) pair. The ledger is the source of
 * truth: a balance is always the sum of its pair's deltas.
 */
export interface LedgerEntryRecord {
  id: string;
  userId: string;
  vendorId: string;
  /** Positive to earn, negative to spend; never 0. */
  delta: number;
  reason: PointsReason;
  /**
   * Idempotency key, unique across the ledger: the same act (`checkin:<user>:<vendor>:<window>`,
   * `review:<id>`, `purchase:<id>`) is never counted twice, however often its event arrives. A
   * redemption's is `redemption:<rewardId>:<random>`: every redemption is new, and names its reward.
   */
  reference: string;
  createdAt: Date;
}

/** The running total of a (member, vendor) pair, kept with every ledger append. */
export interface BalanceRecord {
  userId: string;
  vendorId: string;
  /** Points available to spend: the sum of the pair's deltas, never negative. */
  points: number;
  /** Points ever earned (positive deltas); tiers go by this. */
  lifetimePoints: number;
  updatedAt: Date;
}

/** What appending an entry did. */
export type AppendResult =
  | { status: "appended"; entry: LedgerEntryRecord; balance: BalanceRecord }
  /** The reference is already in the ledger: nothing was written. */
  | { status: "duplicate" }
  /** A debit larger than the balance: nothing was written. */
  | { status: "insufficient"; points: number };

/** Position in the newest-first (createdAt, id) order that ledger pages follow. */
export interface LedgerListKey {
  createdAt: Date;
  id: string;
}

export interface Page<T> {
  records: T[];
  hasNextPage: boolean;
  totalCount: number;
}
