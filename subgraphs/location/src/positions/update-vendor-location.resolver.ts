import { forbidden, isAdmin, Role } from "@venta/auth";
import { badUserInput, notFound, validPoint } from "@venta/kit";
import { Arg, Authorized, Ctx, Field, Float, ID, InputType, Mutation, Resolver } from "type-graphql";
import type { LocationContext } from "../context.js";
import { trackingClock } from "../geofences/tracking-clock.js";
import { liveUpdate } from "../live/live-updates.js";
import type { PositionReport } from "./position.record.js";
import { validAccuracy, validHeading, validRecordedAt } from "./position.validation.js";
import { toVendorLocation, VendorLocation } from "./vendor-location.type.js";

@InputType({ description: "A position report from a vendor's device." })
export class UpdateVendorLocationInput {
  @Field(() => ID, { description: "The vendor reporting its position." })
  vendorId!: string;

  @Field(() => Float, { description: "Latitude in degrees, -90 to 90." })
  lat!: number;

  @Field(() => Float, { description: "Longitude in degrees, -180 to 180." })
  lng!: number;

  @Field(() => Float, {
    nullable: true,
    description: "Radius of uncertainty of the fix in meters, 0 to 10000.",
  })
  accuracyMeters?: number | null;

  @Field(() => Float, {
    nullable: true,
    description: "Direction of travel in degrees clockwise from north, 0 to below 360.",
  })
  heading?: number | null;

  @Field(() => Date, {
    nullable: true,
    description:
      "When the device took the fix (ISO 8601); defaults to now. At most a minute ahead of the server's clock. A report older than the current position is kept in history but does not move the vendor.",
  })
  recordedAt?: Date | null;
}

/** Reports from one fleet gateway or device queue in a single call, written together. */
const MAX_BATCH = 500;

function validReport(input: UpdateVendorLocationInput, now: Date, field: string): PositionReport {
  const point = validPoint(input, field);
  return {
    vendorId: input.vendorId,
    ...point,
    accuracyMeters: validAccuracy(input.accuracyMeters),
    heading: validHeading(input.heading),
    recordedAt: validRecordedAt(input.recordedAt, now),
  };
}

/**
 * Checks every report, then writes all of them with the fence crossings they cause and their events
 * (one transaction), then announces the moves on live maps: a bad, unknown or someone else's report
 * anywhere in a batch refuses the whole batch before anything is written.
 * A vendor not yet verified may report (its owner sets it up before review), but it is not listed:
 * its moves stay off live maps and out of people's alert zones.
 */
async function recordReports(ctx: LocationContext, reports: PositionReport[]): Promise<VendorLocation[]> {
  const { positions, positionReports, feed, liveWindowSeconds } = ctx.services;
  const access = await positions.vendorAccess([...new Set(reports.map((r) => r.vendorId))]);
  const unknown = reports.find((r) => !access.has(r.vendorId));
  if (unknown) throw notFound(`no vendor with id ${unknown.vendorId}`);
  if (!isAdmin(ctx.viewer)) {
    const foreign = reports.find((r) => access.get(r.vendorId)?.ownerId !== ctx.viewer.userId);
    if (foreign) throw forbidden(`vendor ${foreign.vendorId} belongs to another account`);
  }
  const listed = new Set([...access].filter(([, vendor]) => vendor.listed).map(([vendorId]) => vendorId));
  const { outcomes } = await positionReports.record(
    reports,
    listed,
    trackingClock(ctx.now, liveWindowSeconds),
  );
  const listedMoves = outcomes.filter((o) => o.moved && listed.has(o.current.vendorId));
  if (listedMoves.length > 0) {
    await feed.publish(listedMoves.map((o) => liveUpdate("moved", o.current, o.previous)));
  }
  return outcomes.map(({ current }) => {
    ctx.loaders.position.prime(current.vendorId, current);
    return toVendorLocation(current, ctx.now, liveWindowSeconds);
  });
}

@Resolver()
export class UpdateVendorLocationResolver {
  @Authorized(Role.Vendor, Role.Admin)
  @Mutation(() => VendorLocation, {
    description:
      "Records a vendor's position and returns the vendor's current location (unchanged if the report arrived late). Only the vendor's owner or an ADMIN may.",
  })
  async updateVendorLocation(
    @Arg("input", () => UpdateVendorLocationInput, { description: "The position report." })
    input: UpdateVendorLocationInput,
    @Ctx() ctx: LocationContext,
  ): Promise<VendorLocation> {
    const [location] = await recordReports(ctx, [validReport(input, ctx.now, "input")]);
    return location as VendorLocation;
  }

  @Authorized(Role.Vendor, Role.Admin)
  @Mutation(() => [VendorLocation], {
    description:
      "Records up to 500 position reports at once (a fleet's batch), in order; returns each vendor's current location, in the same order. One bad, unknown or someone else's report refuses the whole batch.",
  })
  async updateVendorLocations(
    @Arg("inputs", () => [UpdateVendorLocationInput], { description: "The position reports, oldest first." })
    inputs: UpdateVendorLocationInput[],
    @Ctx() ctx: LocationContext,
  ): Promise<VendorLocation[]> {
    if (inputs.length < 1 || inputs.length > MAX_BATCH) {
      throw badUserInput(`inputs must hold 1 to ${MAX_BATCH} reports`, "inputs");
    }
    return recordReports(
      ctx,
      inputs.map((input, i) => validReport(input, ctx.now, `inputs.${i}`)),
    );
  }
}
