import { Field, Float, InputType } from "type-graphql";

/** The same input type as the location subgraph's: federation merges the two into one. */
@InputType({ description: "A position on Earth in WGS84 degrees." })
export class GeoPointInput {
  @Field(() => Float, { description: "Latitude in degrees, -90 to 90." })
  lat!: number;

  @Field(() => Float, { description: "Longitude in degrees, -180 to 180." })
  lng!: number;
}

@InputType({ description: "Narrows a vendor search; all given conditions must hold." })
export class SearchVendorsFilter {
  @Field(() => [String], { nullable: true, description: "Vendors serving at least one of these cuisines." })
  cuisines?: string[] | null;

  @Field(() => Boolean, {
    nullable: true,
    description:
      "When true, only vendors open right now: status OPEN and, for vendors with a schedule, within their opening hours.",
  })
  openNow?: boolean | null;

  @Field(() => Boolean, {
    nullable: true,
    description: "When true, only vendors whose position is live (reported within the live window).",
  })
  liveOnly?: boolean | null;
}
