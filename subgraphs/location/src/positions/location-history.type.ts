import { PageInfo } from "@venta/kit";
import { Field, ObjectType } from "type-graphql";
import { VendorLocation } from "./vendor-location.type.js";

@ObjectType({ description: "One reported position in a vendor's history." })
export class VendorLocationHistoryEdge {
  @Field(() => String, { description: "Opaque position of this edge; pass it as `after` to continue." })
  cursor!: string;

  @Field(() => VendorLocation, { description: "The position as it was reported." })
  node!: VendorLocation;
}

@ObjectType({ description: "A page of a vendor's reported positions, most recently recorded first." })
export class VendorLocationHistoryConnection {
  @Field(() => [VendorLocationHistoryEdge], { description: "The positions on this page." })
  edges!: VendorLocationHistoryEdge[];

  @Field(() => PageInfo, { description: "Where this page sits in the history." })
  pageInfo!: PageInfo;
}
