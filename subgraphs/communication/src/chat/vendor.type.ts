import { Directive, Field, ID, ObjectType } from "type-graphql";

/** The marketplace owns vendors; communication only points at them by id. */
@ObjectType({ description: "A mobile food business: a food truck, a cart or a pop-up." })
@Directive(`@key(fields: "id", resolvable: false)`)
export class Vendor {
  @Field(() => ID, { description: "Stable identifier of the vendor." })
  id!: string;
}
