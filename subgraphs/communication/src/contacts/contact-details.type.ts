import { Field, ObjectType } from "type-graphql";

@ObjectType({ description: "Where Venta reaches the signed-in person outside the app." })
export class ContactDetails {
  /** Whose details these are; resolves `pushDevices`, not exposed. */
  userId!: string;

  @Field(() => String, {
    nullable: true,
    description: "The e-mail address notifications go to; null when none.",
  })
  email!: string | null;

  @Field(() => String, {
    nullable: true,
    description: "The phone number text messages go to, in E.164 form (+15125550100); null when none.",
  })
  phone!: string | null;
}
