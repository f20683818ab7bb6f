import { Role } from "@venta/auth";
import { notFound } from "@venta/kit";
import { Arg, Authorized, Ctx, Mutation, Resolver } from "type-graphql";
import type { MarketplaceContext } from "../context.js";
import { assertCanManage } from "../vendors/vendor.access.js";
import type { VendorRecord } from "../vendors/vendor.record.js";
import { Vendor } from "../vendors/vendor.type.js";
import { SetVendorScheduleInput } from "./schedule.input.js";

@Resolver()
export class SchedulesResolver {
  @Authorized(Role.Vendor, Role.Admin)
  @Mutation(() => Vendor, {
    description:
      "Replaces a vendor's opening hours whole: time zone, weekly hours and exceptions. Only its owner or an ADMIN may.",
  })
  async setVendorSchedule(
    @Arg("input", () => SetVendorScheduleInput, { description: "Which vendor, and its whole new schedule." })
    input: SetVendorScheduleInput,
    @Ctx() ctx: MarketplaceContext,
  ): Promise<VendorRecord> {
    const { vendorId, ...schedule } = input;
    const vendor = await ctx.loaders.vendor.load(vendorId);
    if (!vendor) throw notFound(`no vendor with id ${vendorId}`);
    assertCanManage(ctx.viewer, vendor);
    const saved = await ctx.services.schedules.set(vendorId, schedule);
    ctx.loaders.schedule.clear(vendorId).prime(vendorId, saved);
    return vendor;
  }
}
