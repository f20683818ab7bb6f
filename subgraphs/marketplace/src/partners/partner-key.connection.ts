import { PageInfo } from "@venta/kit";
import { Field, Int, ObjectType } from "type-graphql";
import { PartnerKey } from "./partner-key.type.js";

@ObjectType({ description: "A partner API key in a list, with the cursor that points at it." })
export class PartnerKeyEdge {
  @Field(() => String, { description: "Opaque position of this edge; pass it as `after` to continue." })
  cursor!: string;

  @Field(() => PartnerKey, { description: "The partner API key." })
  node!: PartnerKey;
}

@ObjectType({ description: "A page of partner API keys (Relay cursor connection), newest first." })
export class PartnerKeyConnection {
  @Field(() => [PartnerKeyEdge], { description: "The keys on this page." })
  edges!: PartnerKeyEdge[];

  @Field(() => PageInfo, { description: "Where this page sits in the list." })
  pageInfo!: PageInfo;

  @Field(() => Int, { description: "How many keys the list has in all (revoked ones only when included)." })
  totalCount!: number;
}
