import { Field, ID, ObjectType } from "type-graphql";

/** The scalar fields; `vendor`, unread counts, messages and receipts are resolved beside it. */
@ObjectType({
  description:
    "A conversation between a customer and a vendor. Only its two participants can see it: the customer and the vendor's owner.",
})
export class Conversation {
  @Field(() => ID, { description: "Stable identifier of the conversation." })
  id!: string;

  @Field(() => ID, {
    description:
      "The customer's account; once that account is deleted, an id that stands for it in this conversation only.",
  })
  customerId!: string;

  @Field(() => Date, { description: "When the conversation was started (ISO 8601)." })
  createdAt!: Date;

  @Field(() => Date, { description: "When its last message was sent, or when it started (ISO 8601)." })
  lastActivityAt!: Date;
}
