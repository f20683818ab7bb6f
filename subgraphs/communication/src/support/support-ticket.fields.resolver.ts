import { Arg, Ctx, FieldResolver, Int, Resolver, Root } from "type-graphql";
import type { CommunicationContext } from "../context.js";
import { listReplies } from "./list-tickets.js";
import { SupportTicketReplyConnection } from "./support-ticket.connection.js";
import { SupportTicket } from "./support-ticket.type.js";
import type { TicketRecord } from "./ticket.record.js";

@Resolver(() => SupportTicket)
export class SupportTicketFieldsResolver {
  @FieldResolver(() => SupportTicketReplyConnection, { description: "The thread of replies, oldest first." })
  replies(
    @Root() ticket: TicketRecord,
    @Ctx() ctx: CommunicationContext,
    @Arg("first", () => Int, { defaultValue: 20, description: "Page size, 1 to 100." }) first: number,
    @Arg("after", () => String, { nullable: true, description: "Cursor of the last edge already seen." })
    after: string | null,
  ): Promise<SupportTicketReplyConnection> {
    return listReplies(ctx.services.tickets, ctx.supportLoaders, ticket.id, first, after);
  }
}
