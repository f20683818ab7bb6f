import { Field, Float, ID, InputType } from "type-graphql";
import { GeoPointInput } from "../positions/geo.type.js";
import type { GeofenceKind } from "./geofence.record.js";
import { GeofenceKindEnum } from "./geofence.type.js";

@InputType({ description: "A circular area." })
export class GeofenceCircleInput {
  @Field(() => GeoPointInput, { description: "The centre; latitude between -85 and 85." })
  center!: GeoPointInput;

  @Field(() => Float, { description: "The radius in meters, 10 to 50000." })
  radiusMeters!: number;
}

@InputType({ description: "The area of a geofence: exactly one of a circle and a polygon." })
export class GeofenceAreaInput {
  @Field(() => GeofenceCircleInput, { nullable: true, description: "A circle." })
  circle?: GeofenceCircleInput | null;

  @Field(() => [GeoPointInput], {
    nullable: true,
    description:
      "A polygon: 3 to 100 vertices in order around its edge (closed or not: the last is joined back to the first), edges straight in latitude and longitude, not crossing each other nor the antimeridian, covering 100 m² to 7854 km² and at most 100 km across.",
  })
  polygon?: GeoPointInput[] | null;
}

@InputType({ description: "A new geofence." })
export class CreateGeofenceInput {
  @Field(() => GeofenceKindEnum, {
    description: "VENDOR_ZONE for a vendor's zone (give `vendorId`), ALERT_ZONE for your own alert zone.",
  })
  kind!: GeofenceKind;

  @Field(() => ID, {
    nullable: true,
    description:
      "The vendor a VENDOR_ZONE belongs to and watches; its owner or an ADMIN may. Not for ALERT_ZONE.",
  })
  vendorId?: string | null;

  @Field(() => String, { description: "A name for it, 1 to 80 characters." })
  name!: string;

  @Field(() => GeofenceAreaInput, { description: "Where it is." })
  area!: GeofenceAreaInput;

  @Field(() => Boolean, {
    nullable: true,
    defaultValue: false,
    description:
      "Only for an ALERT_ZONE circle: the circle follows you, re-centred by each `updateMyLocation` (a “near me” zone).",
  })
  roaming?: boolean | null;
}

@InputType({ description: "Changes to a geofence; fields left out stay as they are." })
export class UpdateGeofenceInput {
  @Field(() => ID, { description: "The geofence to change." })
  id!: string;

  @Field(() => String, { nullable: true, description: "A new name, 1 to 80 characters." })
  name?: string | null;

  @Field(() => GeofenceAreaInput, {
    nullable: true,
    description: "A new area; who is inside is decided again, announcing the vendors that enter or leave.",
  })
  area?: GeofenceAreaInput | null;

  @Field(() => Boolean, {
    nullable: true,
    description: "Whether the zone follows you (only an ALERT_ZONE circle may).",
  })
  roaming?: boolean | null;
}
