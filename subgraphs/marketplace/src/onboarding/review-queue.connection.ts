import { PageInfo } from "@venta/kit";
import { Field, Int, ObjectType } from "type-graphql";
import { Vendor } from "../vendors/vendor.type.js";

@ObjectType({ description: "A vendor waiting for review, with the cursor that points at it." })
export class VendorReviewEdge {
  @Field(() => String, { description: "Opaque position of this edge; pass it as `after` to continue." })
  cursor!: string;

  @Field(() => Vendor, { description: "The SUBMITTED vendor." })
  node!: Vendor;
}

@ObjectType({
  description:
    "A page of the review queue (Relay cursor connection): SUBMITTED vendors, oldest submission first.",
})
export class VendorReviewConnection {
  @Field(() => [VendorReviewEdge], { description: "The vendors on this page." })
  edges!: VendorReviewEdge[];

  @Field(() => PageInfo, { description: "Where this page sits in the queue." })
  pageInfo!: PageInfo;

  @Field(() => Int, { description: "How many vendors wait for review in all." })
  totalCount!: number;
}
