import { Directive, Field, ID, ObjectType } from "type-graphql";

@ObjectType({ description: "A person with a Venta account: a customer, a vendor owner, or both." })
@Directive(`@key(fields: "id")`)
export class User {
  @Field(() => ID, { description: "Stable identifier of the account." })
  id!: string;

  @Field(() => String, { description: "The name shown to other people." })
  displayName!: string;

  @Field(() => Date, { description: "When the account was created (ISO 8601)." })
  createdAt!: Date;
}
