import { Field, Float, Int, ObjectType, registerEnumType } from "type-graphql";
import type { CheckInOutcome } from "./loyalty.service.js";
import { LoyaltyBalance, LoyaltyReward, PointsLedgerEntry } from "./loyalty.type.js";

export const CheckInOutcomeEnum = {
  EARNED: "EARNED",
  ALREADY_CHECKED_IN: "ALREADY_CHECKED_IN",
  TOO_FAR: "TOO_FAR",
  VENDOR_NOT_LIVE: "VENDOR_NOT_LIVE",
  HELD_FOR_REVIEW: "HELD_FOR_REVIEW",
} as const satisfies Record<CheckInOutcome, CheckInOutcome>;

registerEnumType(CheckInOutcomeEnum, {
  name: "CheckInOutcome",
  description: "What a check-in did.",
  valuesConfig: {
    EARNED: { description: "Points were earned." },
    ALREADY_CHECKED_IN: {
      description: "The member already checked in at this vendor in the current 4-hour window: no points.",
    },
    TOO_FAR: { description: "The member is more than 150 m from the vendor: no points." },
    VENDOR_NOT_LIVE: {
      description:
        "The vendor is not broadcasting its position right now, so presence cannot be checked: no points.",
    },
    HELD_FOR_REVIEW: {
      description:
        "The member could not have travelled here from their previous check-in in the time between: no points; an admin reviews it.",
    },
  },
});

@ObjectType({ description: "The result of a check-in." })
export class CheckInPayload {
  @Field(() => CheckInOutcomeEnum, { description: "What the check-in did." })
  outcome!: CheckInOutcome;

  @Field(() => Int, { description: "Points earned by this check-in; 0 unless the outcome is EARNED." })
  pointsEarned!: number;

  @Field(() => Float, {
    nullable: true,
    description:
      "Metres between the member and the vendor's live position; null when the vendor is not live.",
  })
  distanceMeters!: number | null;

  @Field(() => Date, {
    nullable: true,
    description: "When the next check-in at this vendor can earn points (ISO 8601); null when refused.",
  })
  nextCheckInAt!: Date | null;

  @Field(() => LoyaltyBalance, {
    nullable: true,
    description: "The member's balance at the vendor after the check-in; null before any points.",
  })
  balance!: LoyaltyBalance | null;
}

@ObjectType({ description: "A redeemed reward." })
export class RedeemRewardPayload {
  @Field(() => PointsLedgerEntry, {
    description: "The ledger entry of the redemption; its id is the voucher.",
  })
  entry!: PointsLedgerEntry;

  @Field(() => LoyaltyReward, { description: "The reward redeemed." })
  reward!: LoyaltyReward;

  @Field(() => LoyaltyBalance, { description: "The member's balance at the vendor afterwards." })
  balance!: LoyaltyBalance;
}

@ObjectType({ description: "An applied points correction." })
export class AdjustLoyaltyPointsPayload {
  @Field(() => PointsLedgerEntry, { description: "The ledger entry of the correction." })
  entry!: PointsLedgerEntry;

  @Field(() => LoyaltyBalance, { description: "The member's balance at the vendor afterwards." })
  balance!: LoyaltyBalance;
}
