import { Arg, Ctx, FieldResolver, ID, Int, Resolver, Root } from "type-graphql";
import type { MarketplaceContext } from "../context.js";
import { canSeePrivate } from "../users/user.privacy.js";
import type { UserRecord } from "../users/user.record.js";
import { User } from "../users/user.type.js";
import { listBalances, listLedger } from "./list-loyalty.js";
import { LoyaltyBalanceConnection, PointsLedgerConnection } from "./loyalty.connection.js";

@Resolver(() => User)
export class UserLoyaltyResolver {
  @FieldResolver(() => LoyaltyBalanceConnection, {
    nullable: true,
    description:
      "The person's loyalty points, one balance per vendor, by vendor id. Private: null unless the caller is this person or an ADMIN.",
  })
  async loyalty(
    @Root() user: UserRecord,
    @Ctx() ctx: MarketplaceContext,
    @Arg("first", () => Int, { defaultValue: 20, description: "Page size, 1 to 100." }) first: number,
    @Arg("after", () => String, { nullable: true, description: "Cursor of the last edge already seen." })
    after?: string | null,
  ): Promise<LoyaltyBalanceConnection | null> {
    if (!canSeePrivate(ctx.viewer, user.id)) return null;
    return listBalances(ctx, user.id, first, after);
  }

  @FieldResolver(() => PointsLedgerConnection, {
    nullable: true,
    description:
      "The person's points ledger at one vendor, newest first. Private: null unless the caller is this person or an ADMIN.",
  })
  async pointsLedger(
    @Root() user: UserRecord,
    @Ctx() ctx: MarketplaceContext,
    @Arg("vendorId", () => ID, { description: "The vendor whose ledger to list." }) vendorId: string,
    @Arg("first", () => Int, { defaultValue: 20, description: "Page size, 1 to 100." }) first: number,
    @Arg("after", () => String, { nullable: true, description: "Cursor of the last edge already seen." })
    after?: string | null,
  ): Promise<PointsLedgerConnection | null> {
    if (!canSeePrivate(ctx.viewer, user.id)) return null;
    return listLedger(ctx, user.id, vendorId, first, after);
  }
}
