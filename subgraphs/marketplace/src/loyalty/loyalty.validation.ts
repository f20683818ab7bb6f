import { badUserInput } from "@venta/kit";
import type { LoyaltyTier } from "./loyalty-program.record.js";

export const MAX_POINTS_PER_ACT = 10_000;
export const MAX_TIERS = 10;
export const MAX_REWARDS_PER_CHANGE = 50;
/** Retired rewards are kept, so the catalogue is capped as a whole too. */
export const MAX_REWARDS_STORED = 100;
export const MAX_REWARD_COST = 1_000_000;
export const DEFAULT_PURCHASE_UNIT_MINOR = 100;

/** A loyalty program as an owner describes it. */
export interface LoyaltyProgramInput {
  pointsPerCheckIn: number;
  pointsPerReview: number;
  pointsPerPurchaseUnit: number;
  purchaseUnitMinor?: number | null | undefined;
  tiers: readonly LoyaltyTier[];
  rewards: readonly RewardInput[];
}

export interface RewardInput {
  /** An existing reward of this program to change; absent for a new reward. */
  id?: string | null | undefined;
  name: string;
  costPoints: number;
  active?: boolean | null | undefined;
}

export interface ValidProgram {
  pointsPerCheckIn: number;
  pointsPerReview: number;
  pointsPerPurchaseUnit: number;
  purchaseUnitMinor: number;
  tiers: LoyaltyTier[];
  rewards: { id: string | null; name: string; costPoints: number; active: boolean }[];
}

function integerIn(value: number, min: number, max: number, field: string): number {
  if (!Number.isInteger(value) || value < min || value > max)
    throw badUserInput(`${field} must be an integer from ${min} to ${max}`, field);
  return value;
}

/** Tiers ascending by threshold; names and thresholds unique, and the lowest at 0 so every member has one. */
export function validTiers(tiers: readonly LoyaltyTier[]): LoyaltyTier[] {
  if (tiers.length > MAX_TIERS) throw badUserInput(`give at most ${MAX_TIERS} tiers`, "tiers");
  const valid = tiers
    .map((tier) => ({
      name: tier.name.trim().replace(/\s+/g, " "),
      threshold: integerIn(tier.threshold, 0, 100_000_000, "tiers"),
    }))
    .sort((a, b) => a.threshold - b.threshold);
  const names = new Set<string>();
  valid.forEach((tier, i) => {
    if (tier.name.length < 1 || tier.name.length > 30)
      throw badUserInput("tier names must be 1 to 30 characters", "tiers");
    if (names.has(tier.name.toLowerCase())) throw badUserInput(`tier "${tier.name}" is given twice`, "tiers");
    names.add(tier.name.toLowerCase());
    if (i > 0 && valid[i - 1]?.threshold === tier.threshold)
      throw badUserInput(`two tiers have the threshold ${tier.threshold}`, "tiers");
  });
  if (valid.length > 0 && valid[0]?.threshold !== 0)
    throw badUserInput("the lowest tier must have the threshold 0, so every member has a tier", "tiers");
  return valid;
}

export function validRewards(rewards: readonly RewardInput[]): ValidProgram["rewards"] {
  if (rewards.length > MAX_REWARDS_PER_CHANGE)
    throw badUserInput(`give at most ${MAX_REWARDS_PER_CHANGE} rewards`, "rewards");
  const ids = new Set<string>();
  return rewards.map((reward) => {
    const name = reward.name.trim().replace(/\s+/g, " ");
    if (name.length < 1 || name.length > 80)
      throw badUserInput("reward names must be 1 to 80 characters", "rewards");
    if (!Number.isInteger(reward.costPoints) || reward.costPoints < 1 || reward.costPoints > MAX_REWARD_COST)
      throw badUserInput(`costPoints must be an integer from 1 to ${MAX_REWARD_COST}`, "rewards");
    const id = reward.id ?? null;
    if (id !== null) {
      if (ids.has(id)) throw badUserInput(`reward ${id} is given twice`, "rewards");
      ids.add(id);
    }
    return { id, name, costPoints: reward.costPoints, active: reward.active ?? true };
  });
}

/** Checks a whole program description before anything is read or written. */
export function validProgram(input: LoyaltyProgramInput): ValidProgram {
  return {
    pointsPerCheckIn: integerIn(input.pointsPerCheckIn, 0, MAX_POINTS_PER_ACT, "pointsPerCheckIn"),
    pointsPerReview: integerIn(input.pointsPerReview, 0, MAX_POINTS_PER_ACT, "pointsPerReview"),
    pointsPerPurchaseUnit: integerIn(
      input.pointsPerPurchaseUnit,
      0,
      MAX_POINTS_PER_ACT,
      "pointsPerPurchaseUnit",
    ),
    purchaseUnitMinor: integerIn(
      input.purchaseUnitMinor ?? DEFAULT_PURCHASE_UNIT_MINOR,
      1,
      1_000_000,
      "purchaseUnitMinor",
    ),
    tiers: validTiers(input.tiers),
    rewards: validRewards(input.rewards),
  };
}
