import { exportedPerson } from "@venta/kit";
import { Arg, Ctx, FieldResolver, Int, Resolver, Root } from "type-graphql";
import { UserDataExport } from "../contacts/user-data-export.type.js";
import type { CommunicationContext } from "../context.js";
import { NotificationConnection } from "./notification.type.js";

@Resolver(() => UserDataExport)
export class UserDataExportNotificationsResolver {
  @FieldResolver(() => NotificationConnection, {
    description: "The notifications sent to the person, newest first, with how each went out.",
  })
  notifications(
    @Root() root: UserDataExport,
    @Ctx() ctx: CommunicationContext,
    @Arg("first", () => Int, { defaultValue: 20, description: "Page size, 1 to 100." }) first: number,
    @Arg("after", () => String, { nullable: true, description: "Continue after this cursor." })
    after: string | null,
  ): Promise<NotificationConnection> {
    exportedPerson(ctx, root);
    return ctx.services.notifications.listMine(ctx.viewer, first, after, false);
  }
}
