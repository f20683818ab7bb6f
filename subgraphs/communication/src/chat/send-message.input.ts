import { Field, ID, InputType } from "type-graphql";

@InputType({ description: "A message to send in a conversation the caller takes part in." })
export class SendMessageInput {
  @Field(() => ID, { description: "The conversation to write in." })
  conversationId!: string;

  @Field(() => String, { description: "What to say: 1 to 4000 characters once trimmed." })
  text!: string;

  @Field(() => String, {
    nullable: true,
    description:
      "The app's own key for this message (1 to 100 characters): sending again with the same key stores nothing new and returns the first message.",
  })
  clientMessageId?: string | null;
}
