import { PageInfo } from "@venta/kit";
import { Field, Int, ObjectType } from "type-graphql";
import { Review } from "./review.type.js";

@ObjectType({ description: "A review in a list, with the cursor that points at it." })
export class ReviewEdge {
  @Field(() => String, { description: "Opaque position of this edge; pass it as `after` to continue." })
  cursor!: string;

  @Field(() => Review, { description: "The review." })
  node!: Review;
}

@ObjectType({ description: "A page of reviews (Relay cursor connection), in the order the list documents." })
export class ReviewConnection {
  @Field(() => [ReviewEdge], { description: "The reviews on this page." })
  edges!: ReviewEdge[];

  @Field(() => PageInfo, { description: "Where this page sits in the list." })
  pageInfo!: PageInfo;

  @Field(() => Int, { description: "How many reviews the list has in all." })
  totalCount!: number;
}
