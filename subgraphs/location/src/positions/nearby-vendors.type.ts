import { PageInfo } from "@venta/kit";
import { Field, Float, InputType, ObjectType } from "type-graphql";
import type { NearbyQuery } from "./position.record.js";
import { MAX_FILTER_CUISINES } from "./position.validation.js";
import { Vendor } from "./vendor.type.js";

@InputType({ description: "Narrows a proximity search; all given conditions must hold." })
export class NearbyVendorsFilter {
  @Field(() => [String], {
    nullable: true,
    description: `Vendors serving at least one of these cuisines; up to ${MAX_FILTER_CUISINES}, else BAD_USER_INPUT.`,
  })
  cuisines?: string[] | null;

  @Field(() => Boolean, { nullable: true, description: "When true, only vendors serving right now." })
  openNow?: boolean | null;

  @Field(() => Boolean, {
    nullable: true,
    description: "When true, only vendors whose position is live (see `VendorLocation.isLive`).",
  })
  liveOnly?: boolean | null;
}

@ObjectType({ description: "A vendor near the searched point, with its distance." })
export class NearbyVendorEdge {
  @Field(() => String, { description: "Opaque position of this edge; pass it as `after` to continue." })
  cursor!: string;

  @Field(() => Float, {
    description: "Great-circle distance from the searched point to the vendor, in meters.",
  })
  distanceMeters!: number;

  @Field(() => Vendor, { description: "The vendor." })
  node!: Vendor;
}

@ObjectType({ description: "Vendors near a point, nearest first (Relay cursor connection)." })
export class NearbyVendorConnection {
  @Field(() => [NearbyVendorEdge], { description: "The vendors on this page, nearest first." })
  edges!: NearbyVendorEdge[];

  @Field(() => PageInfo, { description: "Where this page sits in the results." })
  pageInfo!: PageInfo;

  /** The search, kept so `totalCount` is computed only when a client asks for it. */
  query!: NearbyQuery;
}
