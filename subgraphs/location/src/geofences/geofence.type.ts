import { Field, Float, ID, ObjectType, registerEnumType } from "type-graphql";
import { GeoPoint } from "../positions/geo.type.js";
import { EXIT_MARGIN_METERS } from "./fence-evaluation.js";
import type { GeofenceKind, GeofenceRecord } from "./geofence.record.js";

export const GeofenceKindEnum = {
  VENDOR_ZONE: "VENDOR_ZONE",
  ALERT_ZONE: "ALERT_ZONE",
} as const satisfies Record<GeofenceKind, GeofenceKind>;

registerEnumType(GeofenceKindEnum, {
  name: "GeofenceKind",
  description: "Whose zone a geofence is, and which vendors it watches.",
  valuesConfig: {
    VENDOR_ZONE: {
      description:
        "A vendor's own zone (its usual pitch, a market): watches that vendor only. Managed by the vendor's owner.",
    },
    ALERT_ZONE: {
      description:
        "A person's alert zone (“tell me when vendors come here”): watches every listed vendor. Managed by the person.",
    },
  },
});

@ObjectType({ description: "A circular area: every point within a great-circle distance of a centre." })
export class GeofenceCircle {
  @Field(() => GeoPoint, { description: "The centre." })
  center!: GeoPoint;

  @Field(() => Float, { description: "The radius in meters, 10 to 50000." })
  radiusMeters!: number;
}

@ObjectType({
  description: `An area that announces vendors entering and leaving it (\`location.geofence_triggered\` events, which notifications and partners' webhooks follow). A live vendor enters on reaching the edge and leaves once more than ${EXIT_MARGIN_METERS} m outside, so the jitter of a parked vendor's fixes does not flap; a vendor that stops broadcasting leaves.`,
})
export class Geofence {
  @Field(() => ID, { description: "Stable identifier of the geofence." })
  id!: string;

  @Field(() => GeofenceKindEnum, { description: "A vendor's zone or a person's alert zone." })
  kind!: GeofenceKind;

  @Field(() => String, { description: "What the owner calls it, such as “Home” or “Saturday market”." })
  name!: string;

  @Field(() => GeofenceCircle, {
    nullable: true,
    description: "The area, when it is a circle; null for a polygon.",
  })
  circle!: GeofenceCircle | null;

  @Field(() => [GeoPoint], {
    nullable: true,
    description:
      "The area, when it is a polygon: its vertices in order, the last joined back to the first; null for a circle.",
  })
  polygon!: GeoPoint[] | null;

  @Field(() => Boolean, {
    description:
      "Whether the zone follows its owner: each `updateMyLocation` moves the circle's centre to where the person is.",
  })
  roaming!: boolean;

  @Field(() => Date, { description: "When the geofence was created (ISO 8601)." })
  createdAt!: Date;

  @Field(() => Date, { description: "When the geofence last changed or moved (ISO 8601)." })
  updatedAt!: Date;

  /** The vendor of a vendor zone, the person of an alert zone: resolvers decide with it. */
  ownerId!: string;
}

export function toGeofence(record: GeofenceRecord): Geofence {
  const { shape } = record;
  return {
    id: record.id,
    kind: record.kind,
    name: record.name,
    circle: shape.type === "CIRCLE" ? { center: shape.center, radiusMeters: shape.radiusMeters } : null,
    polygon: shape.type === "POLYGON" ? shape.ring.map(({ lat, lng }) => ({ lat, lng })) : null,
    roaming: record.roaming,
    createdAt: record.createdAt,
    updatedAt: record.updatedAt,
    ownerId: record.ownerId,
  };
}
