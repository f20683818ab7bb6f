import { Directive, Field, ID, ObjectType } from "type-graphql";

/**
 * Marketplace's `myDataExport` starts the export; location adds the person's alert zones.
 * A stub of our own, not a shared class: type-graphql attaches field resolvers to the class.
 */
@ObjectType({
  description:
    "Everything Venta holds about the caller (GDPR right of access): the marketplace's data in `json`, and a typed section per kind of data the other services keep.",
})
@Directive(`@key(fields: "userId")`)
export class UserDataExport {
  @Field(() => ID, { description: "The person the export is about: always the caller." })
  userId!: string;
}
