import { exportedPerson } from "@venta/kit";
import { Ctx, FieldResolver, Resolver, Root } from "type-graphql";
import { UserDataExport } from "../contacts/user-data-export.type.js";
import type { CommunicationContext } from "../context.js";
import { toNotificationSettings } from "./notification-settings.resolver.js";
import { NotificationSettings } from "./notification-settings.type.js";

@Resolver(() => UserDataExport)
export class UserDataExportPreferencesResolver {
  @FieldResolver(() => NotificationSettings, {
    description: "How and when the person is notified: language, time zone, quiet hours, per-topic switches.",
  })
  async notificationSettings(
    @Root() root: UserDataExport,
    @Ctx() ctx: CommunicationContext,
  ): Promise<NotificationSettings> {
    exportedPerson(ctx, root);
    return toNotificationSettings(await ctx.services.notificationSettings.mine(ctx.viewer));
  }
}
