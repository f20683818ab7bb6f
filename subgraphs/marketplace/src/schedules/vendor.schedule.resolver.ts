import { Ctx, FieldResolver, Resolver, Root } from "type-graphql";
import type { MarketplaceContext } from "../context.js";
import type { VendorRecord } from "../vendors/vendor.record.js";
import { Vendor } from "../vendors/vendor.type.js";
import { type OpeningStatus, openingStatus } from "./opening-status.js";
import { VendorSchedule } from "./schedule.type.js";
import { scheduleView } from "./schedule.view.js";

const requestInstants = new WeakMap<MarketplaceContext, Date>();

/** One instant per request, so the `openNow` and `nextOpening` of every vendor in a response agree. */
function requestInstant(ctx: MarketplaceContext): Date {
  let at = requestInstants.get(ctx);
  if (!at) {
    at = ctx.services.schedules.now();
    requestInstants.set(ctx, at);
  }
  return at;
}

/** Schedules of every vendor in a response come from one store query (the `schedule` loader). */
async function statusOf(vendor: VendorRecord, ctx: MarketplaceContext): Promise<OpeningStatus> {
  const schedule = await ctx.loaders.schedule.load(vendor.id);
  return openingStatus(vendor.status, schedule, requestInstant(ctx));
}

@Resolver(() => Vendor)
export class VendorScheduleResolver {
  @FieldResolver(() => VendorSchedule, {
    nullable: true,
    description: "The vendor's published opening hours; null when it has published none.",
  })
  async schedule(
    @Root() vendor: VendorRecord,
    @Ctx() ctx: MarketplaceContext,
  ): Promise<VendorSchedule | null> {
    const schedule = await ctx.loaders.schedule.load(vendor.id);
    return schedule ? scheduleView(schedule) : null;
  }

  @FieldResolver(() => Boolean, {
    description:
      "Whether the vendor is open right now: its `status` is OPEN and, when it has a schedule, the schedule has it open at this instant.",
  })
  async openNow(@Root() vendor: VendorRecord, @Ctx() ctx: MarketplaceContext): Promise<boolean> {
    return (await statusOf(vendor, ctx)).openNow;
  }

  @FieldResolver(() => Date, {
    nullable: true,
    description:
      "The next instant the vendor's schedule goes from closed to open (ISO 8601); null when `openNow` is true, when the vendor has no schedule, or when the schedule never opens again. A vendor that set itself CLOSED during its hours gets the start of its next scheduled opening.",
  })
  async nextOpening(@Root() vendor: VendorRecord, @Ctx() ctx: MarketplaceContext): Promise<Date | null> {
    return (await statusOf(vendor, ctx)).nextOpening;
  }
}
