import { Arg, Authorized, Ctx, Mutation, Query, Resolver } from "type-graphql";
import type { CommunicationContext } from "../context.js";
import { UpdateNotificationSettingsInput } from "./notification-settings.input.js";
import type { EffectiveSettings } from "./notification-settings.service.js";
import { NotificationSettings } from "./notification-settings.type.js";
import { formatClockTime } from "./quiet-hours.js";

export const toNotificationSettings = (settings: EffectiveSettings): NotificationSettings => ({
  locale: settings.locale,
  timeZone: settings.timeZone,
  quietHours: settings.quietHours && {
    start: formatClockTime(settings.quietHours.startMinute),
    end: formatClockTime(settings.quietHours.endMinute),
  },
  topics: settings.topics.map(({ topic, switches }) => ({ topic, ...switches })),
});

/** The signed-in person's notification settings. */
@Resolver(() => NotificationSettings)
export class NotificationSettingsResolver {
  @Authorized()
  @Query(() => NotificationSettings, { description: "How the signed-in person wants to be notified." })
  async myNotificationSettings(@Ctx() ctx: CommunicationContext): Promise<NotificationSettings> {
    return toNotificationSettings(await ctx.services.notificationSettings.mine(ctx.viewer));
  }

  @Authorized()
  @Mutation(() => NotificationSettings, {
    description: "Changes the signed-in person's notification settings, all or nothing, and returns them.",
  })
  async updateMyNotificationSettings(
    @Arg("input", () => UpdateNotificationSettingsInput, { description: "What to change." })
    input: UpdateNotificationSettingsInput,
    @Ctx() ctx: CommunicationContext,
  ): Promise<NotificationSettings> {
    return toNotificationSettings(await ctx.services.notificationSettings.update(ctx.viewer, input));
  }
}
