import { exportedPerson } from "@venta/kit";
import { Arg, Ctx, FieldResolver, Int, Resolver, Root } from "type-graphql";
import { UserDataExport } from "../contacts/user-data-export.type.js";
import type { CommunicationContext } from "../context.js";
import { listTickets } from "./list-tickets.js";
import { SupportTicketConnection } from "./support-ticket.connection.js";

@Resolver(() => UserDataExport)
export class UserDataExportSupportResolver {
  @FieldResolver(() => SupportTicketConnection, {
    description: "The support tickets the person opened, newest first, with their replies.",
  })
  supportTickets(
    @Root() root: UserDataExport,
    @Ctx() ctx: CommunicationContext,
    @Arg("first", () => Int, { defaultValue: 20, description: "Page size, 1 to 100." }) first: number,
    @Arg("after", () => String, { nullable: true, description: "Cursor of the last edge already seen." })
    after: string | null,
  ): Promise<SupportTicketConnection> {
    exportedPerson(ctx, root);
    return listTickets(
      ctx.services.tickets,
      ctx.services.support.mine(ctx.viewer, null),
      "NEWEST_FIRST",
      first,
      after,
    );
  }
}
