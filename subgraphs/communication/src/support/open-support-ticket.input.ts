import { Field, InputType } from "type-graphql";
import { SupportTicketCategoryEnum } from "./ticket.enum.js";
import type { TicketCategory } from "./ticket.record.js";

@InputType({ description: "A new request for help." })
export class OpenSupportTicketInput {
  @Field(() => String, { description: "What it is about, in a line: 1 to 200 characters once trimmed." })
  subject!: string;

  @Field(() => String, { description: "What you need: 1 to 10000 characters once trimmed." })
  body!: string;

  @Field(() => SupportTicketCategoryEnum, { nullable: true, description: "What it is about, if you know." })
  category?: TicketCategory | null;
}
