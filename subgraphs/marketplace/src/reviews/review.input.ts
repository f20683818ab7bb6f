import { Field, ID, InputType, Int } from "type-graphql";

@InputType({ description: "A review of a vendor; sending one again for the same vendor edits it." })
export class SubmitReviewInput {
  @Field(() => ID, { description: "The vendor reviewed." })
  vendorId!: string;

  @Field(() => Int, { description: "Stars, a whole number from 1 to 5." })
  rating!: number;

  @Field(() => String, { description: "What you think, 1 to 2000 characters once trimmed." })
  text!: string;
}
