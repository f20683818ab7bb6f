import { Directive, Field, ID, ObjectType, registerEnumType } from "type-graphql";

export const VendorStatusEnum = { OPEN: "OPEN", CLOSED: "CLOSED" } as const;

registerEnumType(VendorStatusEnum, {
  name: "VendorStatus",
  description: "Whether a vendor is serving customers right now.",
  valuesConfig: {
    OPEN: { description: "Serving now." },
    CLOSED: { description: "Not serving now." },
  },
});

@ObjectType({ description: "A mobile food business: a food truck, a cart or a pop-up." })
@Directive(`@key(fields: "id")`)
export class Vendor {
  @Field(() => ID, { description: "Stable identifier of the vendor." })
  id!: string;

  @Field(() => String, { description: "The vendor's display name." })
  name!: string;

  @Field(() => String, { description: "URL-safe unique name, for links such as venta.app/v/{slug}." })
  slug!: string;

  @Field(() => String, { nullable: true, description: "What the vendor sells, in its own words." })
  description!: string | null;

  @Field(() => [String], { description: "Cuisines served, lower-case (for example `tacos`, `coffee`)." })
  cuisines!: string[];

  @Field(() => VendorStatusEnum, { description: "Whether the vendor is serving customers right now." })
  status!: keyof typeof VendorStatusEnum;

  @Field(() => Date, { description: "When the vendor joined Venta (ISO 8601)." })
  createdAt!: Date;

  @Field(() => Date, { description: "When the vendor's profile last changed (ISO 8601)." })
  updatedAt!: Date;
}
