import { PageInfo } from "@venta/kit";
import { Field, Int, ObjectType } from "type-graphql";
import { FlaggedCheckIn } from "./flagged-check-in.type.js";
import { LoyaltyBalance, PointsLedgerEntry } from "./loyalty.type.js";

@ObjectType({ description: "A balance in a list, with the cursor that points at it." })
export class LoyaltyBalanceEdge {
  @Field(() => String, { description: "Opaque position of this edge; pass it as `after` to continue." })
  cursor!: string;

  @Field(() => LoyaltyBalance, { description: "The balance." })
  node!: LoyaltyBalance;
}

@ObjectType({ description: "A page of a member's balances, one per vendor (Relay cursor connection)." })
export class LoyaltyBalanceConnection {
  @Field(() => [LoyaltyBalanceEdge], { description: "The balances on this page." })
  edges!: LoyaltyBalanceEdge[];

  @Field(() => PageInfo, { description: "Where this page sits in the list." })
  pageInfo!: PageInfo;

  @Field(() => Int, { description: "How many vendors the member has points at." })
  totalCount!: number;
}

@ObjectType({ description: "A ledger entry in a list, with the cursor that points at it." })
export class PointsLedgerEdge {
  @Field(() => String, { description: "Opaque position of this edge; pass it as `after` to continue." })
  cursor!: string;

  @Field(() => PointsLedgerEntry, { description: "The ledger entry." })
  node!: PointsLedgerEntry;
}

@ObjectType({
  description: "A page of a member's points ledger at one vendor, newest first (Relay cursor connection).",
})
export class PointsLedgerConnection {
  @Field(() => [PointsLedgerEdge], { description: "The entries on this page." })
  edges!: PointsLedgerEdge[];

  @Field(() => PageInfo, { description: "Where this page sits in the list." })
  pageInfo!: PageInfo;

  @Field(() => Int, { description: "How many entries the ledger holds in all." })
  totalCount!: number;
}

@ObjectType({ description: "A flagged check-in in a list, with the cursor that points at it." })
export class FlaggedCheckInEdge {
  @Field(() => String, { description: "Opaque position of this edge; pass it as `after` to continue." })
  cursor!: string;

  @Field(() => FlaggedCheckIn, { description: "The flagged check-in." })
  node!: FlaggedCheckIn;
}

@ObjectType({
  description: "A page of check-ins held for review, newest first (Relay cursor connection).",
})
export class FlaggedCheckInConnection {
  @Field(() => [FlaggedCheckInEdge], { description: "The check-ins on this page." })
  edges!: FlaggedCheckInEdge[];

  @Field(() => PageInfo, { description: "Where this page sits in the list." })
  pageInfo!: PageInfo;

  @Field(() => Int, { description: "How many check-ins are held for review in all." })
  totalCount!: number;
}
