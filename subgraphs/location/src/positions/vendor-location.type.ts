import { Field, Float, ObjectType } from "type-graphql";
import { GeoPoint } from "./geo.type.js";
import type { PositionReport } from "./position.record.js";

@ObjectType({ description: "Where a vendor is, as last reported by the vendor's device." })
export class VendorLocation {
  @Field(() => GeoPoint, { description: "The reported position." })
  point!: GeoPoint;

  @Field(() => Float, {
    nullable: true,
    description: "Radius of uncertainty of the fix, in meters, when the device gave one.",
  })
  accuracyMeters!: number | null;

  @Field(() => Float, {
    nullable: true,
    description: "Direction of travel in degrees clockwise from north, when moving.",
  })
  heading!: number | null;

  @Field(() => Date, { description: "When the device recorded this position (ISO 8601)." })
  updatedAt!: Date;

  @Field(() => Boolean, {
    description:
      "Whether the position is recent enough to be trusted: recorded within the live window (120 s by default).",
  })
  isLive!: boolean;
}

/** The client's view of a stored position, judged live against `now`. */
export function toVendorLocation(
  report: PositionReport,
  now: Date,
  liveWindowSeconds: number,
): VendorLocation {
  return {
    point: { lat: report.lat, lng: report.lng },
    accuracyMeters: report.accuracyMeters,
    heading: report.heading,
    updatedAt: report.recordedAt,
    isLive: now.getTime() - report.recordedAt.getTime() <= liveWindowSeconds * 1000,
  };
}
