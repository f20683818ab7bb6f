import { Field, ID, InputType, Int } from "type-graphql";
import {
  DEFAULT_PURCHASE_UNIT_MINOR,
  MAX_POINTS_PER_ACT,
  MAX_REWARDS_PER_CHANGE,
  MAX_TIERS,
} from "./loyalty.validation.js";

@InputType({ description: "A tier of a loyalty program." })
export class LoyaltyTierInput {
  @Field(() => String, { description: "Name, 1 to 30 characters, unique in the program (such as GOLD)." })
  name!: string;

  @Field(() => Int, { description: "Lifetime points needed; the lowest tier must need 0." })
  threshold!: number;
}

@InputType({ description: "A reward of a loyalty program." })
export class LoyaltyRewardInput {
  @Field(() => ID, {
    nullable: true,
    description: "The id of an existing reward of this program to change; omit it for a new reward.",
  })
  id?: string | null;

  @Field(() => String, { description: "What the member gets, 1 to 80 characters." })
  name!: string;

  @Field(() => Int, { description: "Points it costs, from 1 to 1000000." })
  costPoints!: number;

  @Field(() => Boolean, { nullable: true, description: "Whether it can be redeemed; true when omitted." })
  active?: boolean | null;
}

@InputType({ description: "A vendor's whole loyalty program; replaces the current one." })
export class ConfigureLoyaltyProgramInput {
  @Field(() => Int, {
    description: `Points per check-in, 0 to ${MAX_POINTS_PER_ACT} (0: check-ins earn nothing).`,
  })
  pointsPerCheckIn!: number;

  @Field(() => Int, { description: `Points per published review, 0 to ${MAX_POINTS_PER_ACT}.` })
  pointsPerReview!: number;

  @Field(() => Int, { description: `Points per purchase unit spent, 0 to ${MAX_POINTS_PER_ACT}.` })
  pointsPerPurchaseUnit!: number;

  @Field(() => Int, {
    nullable: true,
    description: `Minor currency units (cents) per purchase unit, 1 to 1000000; ${DEFAULT_PURCHASE_UNIT_MINOR} when omitted.`,
  })
  purchaseUnitMinor?: number | null;

  @Field(() => [LoyaltyTierInput], {
    description: `Up to ${MAX_TIERS} tiers with distinct names and thresholds, one at 0; empty for none.`,
  })
  tiers!: LoyaltyTierInput[];

  @Field(() => [LoyaltyRewardInput], {
    description: `The rewards catalogue, up to ${MAX_REWARDS_PER_CHANGE}, in display order. Rewards of the current program left out are retired (kept, inactive).`,
  })
  rewards!: LoyaltyRewardInput[];
}

@InputType({ description: "A correction of a member's points at a vendor." })
export class AdjustLoyaltyPointsInput {
  @Field(() => ID, { description: "The member." })
  userId!: string;

  @Field(() => ID, { description: "The vendor whose program the points belong to." })
  vendorId!: string;

  @Field(() => Int, {
    description: "Points to add (positive) or take (negative); never below a zero balance.",
  })
  delta!: number;

  @Field(() => String, {
    description:
      "Your key for this correction of this member at this vendor, 1 to 100 characters: a retry with the same key is refused (CONFLICT), not applied twice.",
  })
  reference!: string;
}
