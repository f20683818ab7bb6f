import { Role } from "@venta/auth";
import { Arg, Authorized, Ctx, ID, Int, Mutation, Query, Resolver } from "type-graphql";
import type { CommunicationContext } from "../../context.js";
import { InboundWebhookEventConnection } from "./inbound-event.connection.js";
import type { InboundEventStatus, InboundProvider } from "./inbound-event.record.js";
import {
  InboundWebhookEvent,
  InboundWebhookProviderEnum,
  InboundWebhookStatusEnum,
} from "./inbound-event.type.js";
import { inboundEventView } from "./inbound-event.view.js";
import { listInboundEvents } from "./list-inbound-events.js";

/** What providers sent to Venta's webhook endpoints, for admins to watch and to unblock. */
@Resolver(() => InboundWebhookEvent)
export class InboundWebhookEventsResolver {
  @Authorized(Role.Admin)
  @Query(() => InboundWebhookEventConnection, {
    description:
      "Webhook events received from providers (Clerk, Stripe, RevenueCat), newest first. ADMIN only.",
  })
  inboundWebhookEvents(
    @Ctx() ctx: CommunicationContext,
    @Arg("provider", () => InboundWebhookProviderEnum, {
      nullable: true,
      description: "Only this provider's events.",
    })
    provider: InboundProvider | null,
    @Arg("status", () => InboundWebhookStatusEnum, {
      nullable: true,
      description: "Only events in this status.",
    })
    status: InboundEventStatus | null,
    @Arg("first", () => Int, { defaultValue: 20, description: "Page size, 1 to 100." }) first: number,
    @Arg("after", () => String, { nullable: true, description: "Cursor of the last edge already seen." })
    after?: string | null,
  ): Promise<InboundWebhookEventConnection> {
    return listInboundEvents(ctx.services.webhooks.inboundEvents, { provider, status }, first, after);
  }

  @Authorized(Role.Admin)
  @Mutation(() => InboundWebhookEvent, {
    description:
      "Processes a FAILED webhook event again, with a fresh budget of attempts; CONFLICT for an event in any other status. ADMIN only.",
  })
  async retryInboundWebhookEvent(
    @Arg("id", () => ID, { description: "The event's id, as `inboundWebhookEvents` lists it." }) id: string,
    @Ctx() ctx: CommunicationContext,
  ): Promise<InboundWebhookEvent> {
    return inboundEventView(await ctx.services.webhooks.inbound.retry(id));
  }
}
