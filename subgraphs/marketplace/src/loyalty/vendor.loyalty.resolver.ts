import { Ctx, FieldResolver, Resolver, Root } from "type-graphql";
import type { MarketplaceContext } from "../context.js";
import type { VendorRecord } from "../vendors/vendor.record.js";
import { Vendor } from "../vendors/vendor.type.js";
import { LoyaltyProgram } from "./loyalty.type.js";
import type { LoyaltyProgramRecord } from "./loyalty-program.record.js";

@Resolver(() => Vendor)
export class VendorLoyaltyResolver {
  @FieldResolver(() => LoyaltyProgram, {
    nullable: true,
    description: "The vendor's loyalty program, or null when it has none. Public.",
  })
  loyaltyProgram(
    @Root() vendor: VendorRecord,
    @Ctx() ctx: MarketplaceContext,
  ): Promise<LoyaltyProgramRecord | null> {
    return ctx.loaders.loyaltyProgram.load(vendor.id);
  }
}
