import { Field, ID, Int, ObjectType, registerEnumType } from "type-graphql";
import type { PointsReason } from "./points.record.js";

export const PointsReasonEnum = {
  CHECK_IN: "CHECK_IN",
  REVIEW: "REVIEW",
  PURCHASE: "PURCHASE",
  REDEMPTION: "REDEMPTION",
  ADJUSTMENT: "ADJUSTMENT",
} as const satisfies Record<PointsReason, PointsReason>;

registerEnumType(PointsReasonEnum, {
  name: "PointsReason",
  description: "Why loyalty points moved.",
  valuesConfig: {
    CHECK_IN: { description: "Earned by checking in at the vendor." },
    REVIEW: { description: "Earned by a published review of the vendor." },
    PURCHASE: { description: "Earned by a purchase from the vendor." },
    REDEMPTION: { description: "Spent on a reward." },
    ADJUSTMENT: { description: "A correction by the vendor or an admin." },
  },
});

@ObjectType({ description: "A level of a loyalty program, reached by lifetime points earned." })
export class LoyaltyTier {
  @Field(() => String, { description: "The tier's name, such as GOLD." })
  name!: string;

  @Field(() => Int, { description: "Lifetime points needed to reach it; the lowest tier needs 0." })
  threshold!: number;
}

@ObjectType({ description: "Something a member can spend loyalty points on." })
export class LoyaltyReward {
  @Field(() => ID, { description: "Stable identifier; pass it to `redeemReward`." })
  id!: string;

  @Field(() => String, { description: "What the member gets, such as `Free coffee`." })
  name!: string;

  @Field(() => Int, { description: "Points it costs, at least 1." })
  costPoints!: number;

  @Field(() => Boolean, { description: "Whether it can be redeemed; retired rewards are inactive." })
  active!: boolean;
}

@ObjectType({ description: "A vendor's loyalty program: how points are earned, the tiers, and the rewards." })
export class LoyaltyProgram {
  @Field(() => Int, {
    description: "Points for a check-in within 150 m of the vendor, once per vendor every 4 hours.",
  })
  pointsPerCheckIn!: number;

  @Field(() => Int, { description: "Points for a published review, once per review." })
  pointsPerReview!: number;

  @Field(() => Int, { description: "Points for every whole `purchaseUnitMinor` spent." })
  pointsPerPurchaseUnit!: number;

  @Field(() => Int, {
    description: "Minor currency units (cents) per purchase unit: 100 means points per whole dollar.",
  })
  purchaseUnitMinor!: number;

  @Field(() => [LoyaltyTier], { description: "The tiers, lowest first; empty without tiers." })
  tiers!: LoyaltyTier[];

  @Field(() => Date, { description: "When the program last changed (ISO 8601)." })
  updatedAt!: Date;
}

@ObjectType({ description: "A member's points at one vendor." })
export class LoyaltyBalance {
  @Field(() => Int, {
    description: "Points available to spend: the sum of the member's ledger at the vendor.",
  })
  points!: number;

  @Field(() => Int, {
    description: "Points ever earned at the vendor; tiers go by this, redeeming never lowers it.",
  })
  lifetimePoints!: number;

  @Field(() => Date, { description: "When the balance last moved (ISO 8601)." })
  updatedAt!: Date;
}

@ObjectType({
  description:
    "One line of a member's points ledger at a vendor; the ledger is never changed, only appended to.",
})
export class PointsLedgerEntry {
  @Field(() => ID, { description: "Stable identifier; for a redemption, the voucher to show the vendor." })
  id!: string;

  @Field(() => Int, { description: "Points earned (positive) or spent (negative)." })
  delta!: number;

  @Field(() => PointsReasonEnum, { description: "Why the points moved." })
  reason!: PointsReason;

  @Field(() => Date, { description: "When the points moved (ISO 8601)." })
  createdAt!: Date;
}
