import type { LoyaltyProgramRecord, RewardRecord } from "./loyalty-program.record.js";

/** Where loyalty programs and their rewards live. Each adapter must pass `loyalty-programs.store.contract.ts`. */
export interface LoyaltyProgramsStore {
  /**
   * Writes the program and its whole rewards catalogue at once (rewards not in `program.rewards`
   * are removed). `expectedVersion` null creates the program; otherwise the stored one is replaced
   * only if it is still at `expectedVersion`. False, writing nothing, when that does not hold.
   */
  save(program: LoyaltyProgramRecord, expectedVersion: number | null): Promise<boolean>;
  /** One round trip, whatever the number of ids; vendors without a program are absent. */
  findByVendorIds(vendorIds: readonly string[]): Promise<LoyaltyProgramRecord[]>;
  findReward(rewardId: string): Promise<RewardRecord | null>;
}
