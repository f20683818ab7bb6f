import { Role } from "@venta/auth";
import { Arg, Authorized, Ctx, ID, Int, Mutation, Query, Resolver } from "type-graphql";
import type { CommunicationContext } from "../context.js";
import type { NotificationRecord } from "./notification.record.js";
import { Notification, NotificationConnection } from "./notification.type.js";

/** The signed-in person's notifications, read state included; admins may look at anyone's. */
@Resolver(() => Notification)
export class NotificationsResolver {
  @Authorized()
  @Query(() => NotificationConnection, {
    description: "The signed-in person's notifications, newest first, with how each went out.",
  })
  myNotifications(
    @Arg("first", () => Int, { defaultValue: 20, description: "Page size, 1 to 100." }) first: number,
    @Arg("after", () => String, { nullable: true, description: "Continue after this cursor." }) after:
      | string
      | null,
    @Arg("unreadOnly", () => Boolean, {
      defaultValue: false,
      description: "Only notifications not read yet.",
    })
    unreadOnly: boolean,
    @Ctx() ctx: CommunicationContext,
  ): Promise<NotificationConnection> {
    return ctx.services.notifications.listMine(ctx.viewer, first, after, unreadOnly);
  }

  @Authorized(Role.Admin)
  @Query(() => NotificationConnection, {
    description:
      "Admins only: a person's notifications and their deliveries, newest first, to answer support questions.",
  })
  userNotifications(
    @Arg("userId", () => ID, { description: "The person." }) userId: string,
    @Arg("first", () => Int, { defaultValue: 20, description: "Page size, 1 to 100." }) first: number,
    @Arg("after", () => String, { nullable: true, description: "Continue after this cursor." }) after:
      | string
      | null,
    @Arg("unreadOnly", () => Boolean, {
      defaultValue: false,
      description: "Only notifications not read yet.",
    })
    unreadOnly: boolean,
    @Ctx() ctx: CommunicationContext,
  ): Promise<NotificationConnection> {
    return ctx.services.notifications.listOf(userId, first, after, unreadOnly);
  }

  @Authorized()
  @Mutation(() => Notification, {
    description:
      "Marks one of the signed-in person's notifications read and returns it; reading it again keeps the first time.",
  })
  markNotificationRead(
    @Arg("id", () => ID, { description: "The notification." }) id: string,
    @Ctx() ctx: CommunicationContext,
  ): Promise<NotificationRecord> {
    return ctx.services.notifications.markRead(ctx.viewer, id);
  }

  @Authorized()
  @Mutation(() => Int, {
    description: "Marks all the signed-in person's notifications read; returns how many were unread.",
  })
  markAllNotificationsRead(@Ctx() ctx: CommunicationContext): Promise<number> {
    return ctx.services.notifications.markAllRead(ctx.viewer);
  }
}
