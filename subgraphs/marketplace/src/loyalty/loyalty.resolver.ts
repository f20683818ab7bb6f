import { Role } from "@venta/auth";
import { notFound } from "@venta/kit";
import { Arg, Authorized, Ctx, Float, ID, Int, Mutation, Query, Resolver } from "type-graphql";
import type { MarketplaceContext } from "../context.js";
import { assertCanManage, seen } from "../vendors/vendor.access.js";
import type { VendorRecord } from "../vendors/vendor.record.js";
import { listFlaggedCheckIns } from "./list-flagged-check-ins.js";
import { FlaggedCheckInConnection } from "./loyalty.connection.js";
import { AdjustLoyaltyPointsInput, ConfigureLoyaltyProgramInput } from "./loyalty.input.js";
import { AdjustLoyaltyPointsPayload, CheckInPayload, RedeemRewardPayload } from "./loyalty.payload.js";
import type { Adjustment, CheckInResult, Redemption } from "./loyalty.service.js";
import { LoyaltyProgram } from "./loyalty.type.js";
import type { LoyaltyProgramRecord } from "./loyalty-program.record.js";

/** The vendor, if the caller may see it: hidden vendors read as absent. */
async function visibleVendor(ctx: MarketplaceContext, vendorId: string): Promise<VendorRecord> {
  const vendor = seen(ctx.viewer, await ctx.loaders.vendor.load(vendorId));
  if (!vendor) throw notFound(`no vendor with id ${vendorId}`);
  return vendor;
}

@Resolver()
export class LoyaltyResolver {
  @Authorized(Role.Vendor, Role.Admin)
  @Mutation(() => LoyaltyProgram, {
    description:
      "Creates or replaces a vendor's loyalty program: earning rates, tiers and rewards catalogue. Only the vendor's owner or an ADMIN may.",
  })
  async configureLoyaltyProgram(
    @Arg("vendorId", () => ID, { description: "The vendor whose program this is." }) vendorId: string,
    @Arg("input", () => ConfigureLoyaltyProgramInput, { description: "The whole program." })
    input: ConfigureLoyaltyProgramInput,
    @Ctx() ctx: MarketplaceContext,
  ): Promise<LoyaltyProgramRecord> {
    assertCanManage(ctx.viewer, await visibleVendor(ctx, vendorId));
    return ctx.services.loyalty.configure(vendorId, input);
  }

  @Authorized()
  @Mutation(() => CheckInPayload, {
    description:
      "Checks the caller in at a vendor: earns the program's check-in points when the caller is within 150 m of the vendor's live position, at most once per vendor every 4 hours (fixed windows starting at 00:00, 04:00, … UTC). A person may check in a limited number of times an hour, at all vendors together: beyond it RATE_LIMITED, with `retryAfterSeconds`. A check-in the caller could not have travelled to from their previous one in the time between earns nothing and is HELD_FOR_REVIEW.",
  })
  async checkIn(
    @Arg("vendorId", () => ID, { description: "The vendor the caller is at." }) vendorId: string,
    @Arg("lat", () => Float, { description: "The caller's latitude, -90 to 90." }) lat: number,
    @Arg("lng", () => Float, { description: "The caller's longitude, -180 to 180." }) lng: number,
    @Ctx() ctx: MarketplaceContext,
  ): Promise<CheckInResult> {
    await visibleVendor(ctx, vendorId);
    return ctx.services.loyalty.checkIn(ctx.viewer.userId as string, vendorId, lat, lng);
  }

  @Authorized(Role.Admin)
  @Query(() => FlaggedCheckInConnection, {
    description:
      "Check-ins held for review because the member could not have travelled to them in time, newest first. ADMIN only.",
  })
  flaggedCheckIns(
    @Ctx() ctx: MarketplaceContext,
    @Arg("first", () => Int, { defaultValue: 20, description: "Page size, 1 to 100." }) first: number,
    @Arg("after", () => String, { nullable: true, description: "Cursor of the last edge already seen." })
    after?: string | null,
  ): Promise<FlaggedCheckInConnection> {
    return listFlaggedCheckIns(ctx, first, after);
  }

  @Authorized()
  @Mutation(() => RedeemRewardPayload, {
    description:
      "Spends the caller's points at the reward's vendor on the reward. BAD_USER_INPUT (field `rewardId`) when the balance does not cover it; then nothing is spent.",
  })
  redeemReward(
    @Arg("rewardId", () => ID, { description: "The reward to redeem." }) rewardId: string,
    @Ctx() ctx: MarketplaceContext,
  ): Promise<Redemption> {
    return ctx.services.loyalty.redeem(ctx.viewer.userId as string, rewardId);
  }

  @Authorized(Role.Vendor, Role.Admin)
  @Mutation(() => AdjustLoyaltyPointsPayload, {
    description: "Corrects a member's points at a vendor. Only the vendor's owner or an ADMIN may.",
  })
  async adjustLoyaltyPoints(
    @Arg("input", () => AdjustLoyaltyPointsInput, { description: "Who, where, how much, and your key." })
    input: AdjustLoyaltyPointsInput,
    @Ctx() ctx: MarketplaceContext,
  ): Promise<Adjustment> {
    assertCanManage(ctx.viewer, await visibleVendor(ctx, input.vendorId));
    return ctx.services.loyalty.adjust(input.userId, input.vendorId, input.delta, input.reference);
  }
}
