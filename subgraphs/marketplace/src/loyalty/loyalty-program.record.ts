/** A level a member reaches by lifetime points earned (redeeming never lowers it). */
export interface LoyaltyTier {
  /** Such as BRONZE, SILVER, GOLD; unique within the program. */
  name: string;
  /** Lifetime points needed; the lowest tier needs 0, so every member has a tier. */
  threshold: number;
}

/** Something a member can spend points on. */
export interface RewardRecord {
  /** Unique across all programs. */
  id: string;
  vendorId: string;
  name: string;
  /** Positive. */
  costPoints: number;
  /** Only active rewards can be redeemed; retired ones stay so past redemptions still name them. */
  active: boolean;
  createdAt: Date;
  updatedAt: Date;
}

/** A vendor's loyalty program: how points are earned, the tiers, and the rewards catalogue. */
export interface LoyaltyProgramRecord {
  vendorId: string;
  pointsPerCheckIn: number;
  pointsPerReview: number;
  /** Points per whole `purchaseUnitMinor` spent. */
  pointsPerPurchaseUnit: number;
  /** How many minor units of currency make one purchase unit (100: one dollar, euro, …). */
  purchaseUnitMinor: number;
  /** Ascending by threshold; empty when the program has no tiers. */
  tiers: LoyaltyTier[];
  /** The whole catalogue, retired rewards included, in the order the vendor lists them. */
  rewards: RewardRecord[];
  /** Bumped on every change: concurrent edits are detected, never silently merged. */
  version: number;
  createdAt: Date;
  updatedAt: Date;
}

/** The highest tier `lifetimePoints` reaches; null when the program has no tiers. */
export function tierFor(tiers: readonly LoyaltyTier[], lifetimePoints: number): LoyaltyTier | null {
  let reached: LoyaltyTier | null = null;
  for (const tier of tiers) if (tier.threshold <= lifetimePoints) reached = tier;
  return reached;
}

/** The next tier up, or null at the top. */
export function nextTierFor(tiers: readonly LoyaltyTier[], lifetimePoints: number): LoyaltyTier | null {
  return tiers.find((tier) => tier.threshold > lifetimePoints) ?? null;
}
