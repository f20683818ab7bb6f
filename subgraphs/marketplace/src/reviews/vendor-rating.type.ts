import { Field, Float, Int, ObjectType } from "type-graphql";

@ObjectType({ description: "How many published reviews gave a vendor this many stars." })
export class RatingBucket {
  @Field(() => Int, { description: "Stars, 1 to 5." })
  stars!: number;

  @Field(() => Int, { description: "How many published reviews gave that many." })
  count!: number;
}

@ObjectType({ description: "A vendor's rating over its published reviews." })
export class VendorRating {
  @Field(() => Float, {
    nullable: true,
    description: "Mean stars (1 to 5, not rounded); null while the vendor has no published review.",
  })
  average!: number | null;

  @Field(() => Int, { description: "How many published reviews the rating is over." })
  count!: number;

  @Field(() => [RatingBucket], {
    description: "Reviews per number of stars: always 5 buckets, 1 to 5 stars.",
  })
  distribution!: RatingBucket[];
}
