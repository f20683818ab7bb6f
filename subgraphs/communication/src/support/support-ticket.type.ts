import { Field, ID, ObjectType } from "type-graphql";
import { SupportTicketCategoryEnum, SupportTicketStateEnum } from "./ticket.enum.js";
import type { TicketCategory, TicketState } from "./ticket.record.js";

/** The ticket's own fields; its replies are resolved beside it. */
@ObjectType({
  description:
    "A request for help from a person to Venta support. Seen by the person who opened it and by admins.",
})
export class SupportTicket {
  @Field(() => ID, { description: "Stable identifier of the ticket." })
  id!: string;

  @Field(() => ID, { description: "The account that opened the ticket." })
  requesterId!: string;

  @Field(() => String, { description: "What the ticket is about, in a line." })
  subject!: string;

  @Field(() => String, { description: "The first message: what the person needs." })
  body!: string;

  @Field(() => SupportTicketCategoryEnum, {
    nullable: true,
    description: "What it is about; null when not said.",
  })
  category!: TicketCategory | null;

  @Field(() => SupportTicketStateEnum, { description: "Where the ticket stands." })
  state!: TicketState;

  @Field(() => ID, {
    nullable: true,
    description: "The admin who owns the ticket; null until one is assigned.",
  })
  assigneeId!: string | null;

  @Field(() => Date, { description: "When the ticket was opened (ISO 8601)." })
  createdAt!: Date;

  @Field(() => Date, { description: "When anything last happened to it (ISO 8601)." })
  updatedAt!: Date;

  @Field(() => Date, { nullable: true, description: "When it was closed (ISO 8601); null while it is not." })
  closedAt!: Date | null;
}
