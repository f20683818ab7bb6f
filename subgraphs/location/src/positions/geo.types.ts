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
