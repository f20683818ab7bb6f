import type { PartnerScope } from "@venta/auth";
import { Field, ID, ObjectType, registerEnumType } from "type-graphql";

/** The GraphQL enum's values: the scopes as stored, named as they are spelled in the API. */
export const PartnerScopeEnum = {
  READ: "READ",
  SUBSCRIBE: "SUBSCRIBE",
  INTROSPECT: "INTROSPECT",
} as const satisfies { [K in PartnerScope]: K };

registerEnumType(PartnerScopeEnum, {
  name: "PartnerScope",
  description: "What a partner API key unlocks, beyond the public data everyone can read.",
  valuesConfig: {
    READ: {
      description: "Send any query (within limits), not only the first-party apps' trusted documents.",
    },
    SUBSCRIBE: { description: "Open live subscriptions." },
    INTROSPECT: { description: "Introspect the schema where anonymous introspection is off (production)." },
  },
});

@ObjectType({
  description:
    "An API key a partner sends in the `X-Api-Key` header. The key itself is shown only once, when it is created; afterwards only its prefix is.",
})
export class PartnerKey {
  @Field(() => ID, { description: "Stable identifier of the key (not the key itself)." })
  id!: string;

  @Field(() => String, { description: "Who the key is for, 1 to 80 characters." })
  name!: string;

  @Field(() => String, {
    description:
      "The first 12 characters of the key (`vpk_` and 8 more), to recognise it; never the whole key.",
  })
  prefix!: string;

  @Field(() => [PartnerScopeEnum], { description: "What the key unlocks." })
  scopes!: PartnerScope[];

  @Field(() => Date, { description: "When the key was created (ISO 8601)." })
  createdAt!: Date;

  @Field(() => Date, {
    nullable: true,
    description: "When the key was revoked (ISO 8601); null while it works. A revoked key never works again.",
  })
  revokedAt!: Date | null;

  @Field(() => Date, {
    nullable: true,
    description: "When the key was last used (ISO 8601), to the minute; null if it never was.",
  })
  lastUsedAt!: Date | null;
}
