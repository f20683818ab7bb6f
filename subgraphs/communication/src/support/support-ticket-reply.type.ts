import { Field, ID, ObjectType } from "type-graphql";
import { SupportReplyAuthorRoleEnum } from "./ticket.enum.js";
import type { ReplyAuthorRole } from "./ticket.record.js";

@ObjectType({ description: "A reply in a support ticket's thread." })
export class SupportTicketReply {
  @Field(() => ID, { description: "Stable identifier of the reply." })
  id!: string;

  @Field(() => ID, { description: "The ticket replied to." })
  ticketId!: string;

  @Field(() => ID, { description: "The account that wrote it." })
  authorId!: string;

  @Field(() => SupportReplyAuthorRoleEnum, { description: "Whether the requester or support wrote it." })
  authorRole!: ReplyAuthorRole;

  @Field(() => String, { description: "What was written: 1 to 10000 characters, trimmed." })
  body!: string;

  @Field(() => Date, { description: "When it was written (ISO 8601)." })
  createdAt!: Date;
}
