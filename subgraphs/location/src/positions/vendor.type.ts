import { Directive, Field, ID, ObjectType } from "type-graphql";

/** The marketplace owns vendors; location adds where they are. */
@ObjectType({ description: "A mobile food business: a food truck, a cart or a pop-up." })
@Directive(`@key(fields: "id")`)
export class Vendor {
  @Field(() => ID, { description: "Stable identifier of the vendor." })
  id!: string;
}
