import { Field, Float, InputType, ObjectType } from "type-graphql";

@ObjectType({ description: "A position on Earth in WGS84 degrees." })
export class GeoPoint {
  @Field(() => Float, { description: "Latitude in degrees, -90 to 90." })
  lat!: number;

  @Field(() => Float, { description: "Longitude in degrees, -180 to 180." })
  lng!: number;
}

@InputType({ description: "A position on Earth in WGS84 degrees." })
export class GeoPointInput {
  @Field(() => Float, { description: "Latitude in degrees, -90 to 90." })
  lat!: number;

  @Field(() => Float, { description: "Longitude in degrees, -180 to 180." })
  lng!: number;
}

@InputType({ description: "An area between two parallels and two meridians, such as a map's viewport." })
export class BoundingBoxInput {
  @Field(() => Float, { description: "Southern edge: latitude in degrees." })
  south!: number;

  @Field(() => Float, { description: "Western edge: longitude in degrees." })
  west!: number;

  @Field(() => Float, { description: "Northern edge: latitude in degrees, not south of `south`." })
  north!: number;

  @Field(() => Float, { description: "Eastern edge: longitude in degrees, not west of `west`." })
  east!: number;
}
