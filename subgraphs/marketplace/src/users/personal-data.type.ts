import { Field, ID, ObjectType } from "type-graphql";

@ObjectType({ description: "Everything the marketplace holds about the caller (GDPR right of access)." })
export class UserDataExport {
  @Field(() => Date, { description: "When the export was made (ISO 8601)." })
  generatedAt!: Date;

  @Field(() => String, {
    description:
      "The data as a JSON document: `{ userId, generatedAt, modules: { users, loyalty, … } }`, one section per module holding personal data.",
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
