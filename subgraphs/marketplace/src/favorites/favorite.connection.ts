import { PageInfo } from "@venta/kit";
import { Field, Int, ObjectType } from "type-graphql";
import { Vendor } from "../vendors/vendor.type.js";

@ObjectType({ description: "A favorite vendor in a list, with when it was favorited." })
export class FavoriteVendorEdge {
  @Field(() => String, { description: "Opaque position of this edge; pass it as `after` to continue." })
  cursor!: string;

  @Field(() => Vendor, { description: "The vendor." })
  node!: Vendor;

  @Field(() => Date, { description: "When the vendor was favorited (ISO 8601)." })
  favoritedAt!: Date;
}

@ObjectType({
  description: "A page of favorite vendors (Relay cursor connection), most recently favorited first.",
})
export class FavoriteVendorConnection {
  @Field(() => [FavoriteVendorEdge], { description: "The vendors on this page." })
  edges!: FavoriteVendorEdge[];

  @Field(() => PageInfo, { description: "Where this page sits in the list." })
  pageInfo!: PageInfo;

  @Field(() => Int, { description: "How many favorite vendors there are in all." })
  totalCount!: number;
}
