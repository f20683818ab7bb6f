import { forbidden } from "@venta/auth";
import { Arg, Ctx, FieldResolver, Resolver, Root } from "type-graphql";
import type { MarketplaceContext } from "../context.js";
import { assertCanManage, seen } from "../vendors/vendor.access.js";
import type { VendorRecord } from "../vendors/vendor.record.js";
import { Vendor } from "../vendors/vendor.type.js";
import {
  LoyaltyBalance,
  LoyaltyProgram,
  LoyaltyReward,
  LoyaltyTier,
  PointsLedgerEntry,
} from "./loyalty.type.js";
import {
  type LoyaltyProgramRecord,
  type LoyaltyTier as LoyaltyTierRecord,
  nextTierFor,
  type RewardRecord,
  tierFor,
} from "./loyalty-program.record.js";
import type { BalanceRecord, LedgerEntryRecord } from "./points.record.js";

/** A vendor the caller may see, through the request's loader (one query for a whole page). */
async function vendorOf(vendorId: string, ctx: MarketplaceContext): Promise<VendorRecord | null> {
  return seen(ctx.viewer, await ctx.loaders.vendor.load(vendorId));
}

@Resolver(() => LoyaltyProgram)
export class LoyaltyProgramFieldsResolver {
  @FieldResolver(() => Vendor, { nullable: true, description: "The vendor running the program." })
  vendor(
    @Root() program: LoyaltyProgramRecord,
    @Ctx() ctx: MarketplaceContext,
  ): Promise<VendorRecord | null> {
    return vendorOf(program.vendorId, ctx);
  }

  @FieldResolver(() => [LoyaltyReward], {
    description: "The rewards catalogue in the vendor's order: active rewards only, unless asked otherwise.",
  })
  async rewards(
    @Root() program: LoyaltyProgramRecord,
    @Ctx() ctx: MarketplaceContext,
    @Arg("includeInactive", () => Boolean, {
      defaultValue: false,
      description: "Also list retired rewards; only the vendor's owner or an ADMIN may.",
    })
    includeInactive: boolean,
  ): Promise<RewardRecord[]> {
    if (!includeInactive) return program.rewards.filter((r) => r.active);
    const vendor = await ctx.loaders.vendor.load(program.vendorId);
    if (!vendor) throw forbidden("only the vendor's owner or an admin sees retired rewards");
    assertCanManage(ctx.viewer, vendor);
    return program.rewards;
  }
}

/** The program of a balance's vendor, through the request's loader: one query for a whole page. */
const programOf = (balance: BalanceRecord, ctx: MarketplaceContext) =>
  ctx.loaders.loyaltyProgram.load(balance.vendorId);

@Resolver(() => LoyaltyBalance)
export class LoyaltyBalanceFieldsResolver {
  @FieldResolver(() => Vendor, {
    nullable: true,
    description: "The vendor the points are at; null if it is no longer listed.",
  })
  vendor(@Root() balance: BalanceRecord, @Ctx() ctx: MarketplaceContext): Promise<VendorRecord | null> {
    return vendorOf(balance.vendorId, ctx);
  }

  @FieldResolver(() => LoyaltyTier, {
    nullable: true,
    description: "The tier the member's lifetime points reach; null when the program has no tiers.",
  })
  async tier(
    @Root() balance: BalanceRecord,
    @Ctx() ctx: MarketplaceContext,
  ): Promise<LoyaltyTierRecord | null> {
    return tierFor((await programOf(balance, ctx))?.tiers ?? [], balance.lifetimePoints);
  }

  @FieldResolver(() => LoyaltyTier, {
    nullable: true,
    description: "The next tier up; null at the top tier or without tiers.",
  })
  async nextTier(
    @Root() balance: BalanceRecord,
    @Ctx() ctx: MarketplaceContext,
  ): Promise<LoyaltyTierRecord | null> {
    return nextTierFor((await programOf(balance, ctx))?.tiers ?? [], balance.lifetimePoints);
  }
}

@Resolver(() => PointsLedgerEntry)
export class PointsLedgerEntryFieldsResolver {
  @FieldResolver(() => Vendor, {
    nullable: true,
    description: "The vendor the points moved at; null if it is no longer listed.",
  })
  vendor(@Root() entry: LedgerEntryRecord, @Ctx() ctx: MarketplaceContext): Promise<VendorRecord | null> {
    return vendorOf(entry.vendorId, ctx);
  }
}
