import { PageInfo } from "@venta/kit";
import { Field, Int, ObjectType } from "type-graphql";
import { Vendor } from "./vendor.type.js";

@ObjectType({ description: "A vendor in a list, with the cursor that points at it." })
export class VendorEdge {
  @Field(() => String, { description: "Opaque position of this edge; pass it as `after` to continue." })
  cursor!: string;

  @Field(() => Vendor, { description: "The vendor." })
  node!: Vendor;
}

@ObjectType({ description: "A page of vendors (Relay cursor connection), oldest first." })
export class VendorConnection {
  @Field(() => [VendorEdge], { description: "The vendors on this page." })
  edges!: VendorEdge[];

  @Field(() => PageInfo, { description: "Where this page sits in the list." })
  pageInfo!: PageInfo;

  @Field(() => Int, { description: "How many vendors match the filter in all." })
  totalCount!: number;
}
