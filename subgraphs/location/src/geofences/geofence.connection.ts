import { PageInfo } from "@venta/kit";
import { Field, Int, ObjectType } from "type-graphql";
import { Vendor } from "../positions/vendor.type.js";
import { Geofence } from "./geofence.type.js";

@ObjectType({ description: "A geofence in a list." })
export class GeofenceEdge {
  @Field(() => String, { description: "Opaque position of this edge; pass it as `after` to continue." })
  cursor!: string;

  @Field(() => Geofence, { description: "The geofence." })
  node!: Geofence;
}

@ObjectType({ description: "A page of geofences (Relay cursor connection), newest first." })
export class GeofenceConnection {
  @Field(() => [GeofenceEdge], { description: "The geofences on this page." })
  edges!: GeofenceEdge[];

  @Field(() => PageInfo, { description: "Where this page sits in the list." })
  pageInfo!: PageInfo;

  @Field(() => Int, { description: "How many geofences there are in all." })
  totalCount!: number;
}

@ObjectType({ description: "A vendor inside a geofence, with when it entered." })
export class GeofenceVendorEdge {
  @Field(() => String, { description: "Opaque position of this edge; pass it as `after` to continue." })
  cursor!: string;

  @Field(() => Vendor, { description: "The vendor." })
  node!: Vendor;

  @Field(() => Date, { description: "When the vendor entered the geofence (ISO 8601)." })
  enteredAt!: Date;
}

@ObjectType({
  description: "The vendors inside a geofence now (Relay cursor connection), latest arrival first.",
})
export class GeofenceVendorConnection {
  @Field(() => [GeofenceVendorEdge], { description: "The vendors on this page." })
  edges!: GeofenceVendorEdge[];

  @Field(() => PageInfo, { description: "Where this page sits in the list." })
  pageInfo!: PageInfo;
}
