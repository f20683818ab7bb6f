import { exportedPerson } from "@venta/kit";
import { Arg, Ctx, FieldResolver, Int, Resolver, Root } from "type-graphql";
import { UserDataExport } from "../contacts/user-data-export.type.js";
import type { CommunicationContext } from "../context.js";
import { ConversationConnection } from "./conversation.connection.js";
import { listConversations } from "./list-conversations.js";

@Resolver(() => UserDataExport)
export class UserDataExportChatResolver {
  @FieldResolver(() => ConversationConnection, {
    description:
      "The person's conversations, most recent activity first, as a customer and as a vendor's owner; each with its messages.",
  })
  async conversations(
    @Root() root: UserDataExport,
    @Ctx() ctx: CommunicationContext,
    @Arg("first", () => Int, { defaultValue: 20, description: "Page size, 1 to 100." }) first: number,
    @Arg("after", () => String, { nullable: true, description: "Cursor of the last edge already seen." })
    after: string | null,
  ): Promise<ConversationConnection> {
    exportedPerson(ctx, root);
    const filter = await ctx.services.chat.participantFilter(ctx.viewer, { side: null, vendorId: null });
    return listConversations(ctx.services.conversations, filter, first, after);
  }
}
