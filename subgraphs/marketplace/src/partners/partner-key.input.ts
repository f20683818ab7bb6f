import type { PartnerScope } from "@venta/auth";
import { Field, InputType, ObjectType } from "type-graphql";
import { PartnerKey, PartnerScopeEnum } from "./partner-key.type.js";

@InputType({ description: "A new partner API key." })
export class CreatePartnerKeyInput {
  @Field(() => String, { description: "Who the key is for (the partner, the app), 1 to 80 characters." })
  name!: string;

  @Field(() => [PartnerScopeEnum], { description: "What the key unlocks: at least one scope." })
  scopes!: PartnerScope[];
}

@ObjectType({ description: "A newly created partner API key, with the key itself." })
export class CreatePartnerKeyPayload {
  @Field(() => String, {
    description:
      "The API key, for the partner's `X-Api-Key` header. Shown only in this response: store it now, it cannot be read again.",
  })
  key!: string;

  @Field(() => PartnerKey, { description: "The key's details, as `partnerKeys` lists them." })
  partnerKey!: PartnerKey;
}
