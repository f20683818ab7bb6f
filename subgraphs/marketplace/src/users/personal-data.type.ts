import { Directive, Field, ID, ObjectType } from "type-graphql";

/**
 * An entity keyed on the person, so each subgraph adds its own typed sections to one export.
 * Marketplace only starts it (`myDataExport`): nothing asks marketplace to resolve a reference.
 */
@ObjectType({
  description:
    "Everything Venta holds about the caller (GDPR right of access): the marketplace's data in `json`, and a typed section per kind of data the other services keep.",
})
@Directive(`@key(fields: "userId", resolvable: false)`)
export class UserDataExport {
  @Field(() => ID, { description: "The person the export is about: always the caller." })
  userId!: string;

  @Field(() => Date, { description: "When the export was made (ISO 8601)." })
  generatedAt!: Date;

  @Field(() => String, {
    description:
      "The marketplace's data as a JSON document: `{ userId, generatedAt, modules: { users, loyalty, … } }`, one section per marketplace module holding personal data. Contact details, chat, support, notifications and alert zones are the typed fields beside it.",
  })
  json!: string;
}

@ObjectType({ description: "The outcome of deleting an account." })
export class DeleteMyAccountPayload {
  @Field(() => ID, { description: "The deleted account's id; it now shows as `Deleted user`." })
  userId!: string;

  @Field(() => Date, { description: "When the account was deleted (ISO 8601)." })
  deletedAt!: Date;
}
