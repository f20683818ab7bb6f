import { notFound } from "@venta/kit";
import { Arg, Ctx, Field, Float, ID, InputType, Mutation, Resolver } from "type-graphql";
import type { LocationContext } from "../context.js";
import { liveUpdate } from "../live/live-updates.js";
import type { PositionReport } from "./position.record.js";
import { validAccuracy, validHeading, validPoint, validRecordedAt } from "./position.validation.js";
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

@Resolver()
export class UpdateVendorLocationResolver {
  @Mutation(() => VendorLocation, {
    description:
      "Records a vendor's position and returns the vendor's current location (unchanged if the report arrived late).",
  })
  async updateVendorLocation(
    @Arg("input", () => UpdateVendorLocationInput, { description: "The position report." })
    input: UpdateVendorLocationInput,
    @Ctx() ctx: LocationContext,
  ): Promise<VendorLocation> {
    const point = validPoint(input, "input");
    const report: PositionReport = {
      vendorId: input.vendorId,
      ...point,
      accuracyMeters: validAccuracy(input.accuracyMeters),
      heading: validHeading(input.heading),
      recordedAt: validRecordedAt(input.recordedAt, ctx.now),
    };
    const { positions, bus, feed, liveWindowSeconds } = ctx.services;
    if (!(await positions.isKnownVendor(report.vendorId)))
      throw notFound(`no vendor with id ${report.vendorId}`);
    const { current, moved, previous } = await positions.record(report);
    if (moved) {
      await feed.publish([liveUpdate("moved", current, previous)]);
      await bus.publish("location.vendor_location_updated", {
        vendorId: current.vendorId,
        lat: current.lat,
        lng: current.lng,
        accuracyMeters: current.accuracyMeters,
        heading: current.heading,
        recordedAt: current.recordedAt.toISOString(),
      });
    }
    ctx.loaders.position.prime(current.vendorId, current);
    return toVendorLocation(current, ctx.now, liveWindowSeconds);
  }
}
