import { Arg, Ctx, ID, Int, Mutation, Query, Resolver } from "type-graphql";
import type { CommunicationContext } from "../../context.js";
import { listWebhookDeliveries, listWebhookSubscriptions } from "./list-webhooks.js";
import { partnerOrAdmin } from "./webhook-access.js";
import { WebhookDeliveryConnection } from "./webhook-delivery.connection.js";
import type { WebhookDeliveryStatus } from "./webhook-delivery.record.js";
import { WebhookDelivery, WebhookDeliveryStatusEnum } from "./webhook-delivery.type.js";
import { deliveryView } from "./webhook-delivery.view.js";
import { WebhookSubscriptionConnection } from "./webhook-subscription.connection.js";
import {
  CreateWebhookSubscriptionInput,
  UpdateWebhookSubscriptionInput,
  WebhookSubscriptionWithSecret,
} from "./webhook-subscription.input.js";
import { WebhookSubscription } from "./webhook-subscription.type.js";
import { subscriptionView } from "./webhook-subscription.view.js";
import type { SubscriptionWithSecret } from "./webhook-subscriptions.service.js";

const withSecret = (created: SubscriptionWithSecret, now: Date): WebhookSubscriptionWithSecret => ({
  subscription: subscriptionView(created.subscription, now),
  signingSecret: created.signingSecret,
});

/**
 * Partners' webhook subscriptions and their delivery log. A partner API key manages its own; an
 * admin manages any. Another partner's subscriptions and deliveries are NOT_FOUND.
 */
@Resolver(() => WebhookSubscription)
export class WebhookSubscriptionsResolver {
  @Query(() => WebhookSubscriptionConnection, {
    description:
      "Webhook subscriptions, newest first: a partner key sees its own, an admin everyone's (or one partner key's). PARTNER or ADMIN.",
  })
  webhookSubscriptions(
    @Ctx() ctx: CommunicationContext,
    @Arg("partnerKeyId", () => ID, {
      nullable: true,
      description: "Only this partner key's subscriptions (admins).",
    })
    partnerKeyId: string | null,
    @Arg("first", () => Int, { defaultValue: 20, description: "Page size, 1 to 100." }) first: number,
    @Arg("after", () => String, { nullable: true, description: "Cursor of the last edge already seen." })
    after?: string | null,
  ): Promise<WebhookSubscriptionConnection> {
    const { webhookSubscriptions } = ctx.services.webhooks;
    return listWebhookSubscriptions(
      webhookSubscriptions,
      partnerOrAdmin(ctx.viewer),
      partnerKeyId,
      first,
      after,
      ctx.services.now(),
    );
  }

  @Query(() => WebhookSubscription, {
    description:
      "One webhook subscription; NOT_FOUND unless it is the caller's (admins: any). PARTNER or ADMIN.",
  })
  async webhookSubscription(
    @Arg("id", () => ID, { description: "The subscription's id." }) id: string,
    @Ctx() ctx: CommunicationContext,
  ): Promise<WebhookSubscription> {
    return subscriptionView(
      await ctx.services.webhooks.subscriptions.get(partnerOrAdmin(ctx.viewer), id),
      ctx.services.now(),
    );
  }

  @Query(() => WebhookDeliveryConnection, {
    description:
      "Webhook deliveries with every attempt (status, duration, next retry), newest first: to the caller's subscriptions, or any for an admin. PARTNER or ADMIN.",
  })
  webhookDeliveries(
    @Ctx() ctx: CommunicationContext,
    @Arg("subscriptionId", () => ID, { nullable: true, description: "Only deliveries to this subscription." })
    subscriptionId: string | null,
    @Arg("status", () => WebhookDeliveryStatusEnum, {
      nullable: true,
      description: "Only deliveries in this status.",
    })
    status: WebhookDeliveryStatus | null,
    @Arg("first", () => Int, { defaultValue: 20, description: "Page size, 1 to 100." }) first: number,
    @Arg("after", () => String, { nullable: true, description: "Cursor of the last edge already seen." })
    after?: string | null,
  ): Promise<WebhookDeliveryConnection> {
    const { webhookDeliveries, subscriptions } = ctx.services.webhooks;
    return listWebhookDeliveries(
      webhookDeliveries,
      subscriptions,
      partnerOrAdmin(ctx.viewer),
      { subscriptionId, status },
      first,
      after,
    );
  }

  @Mutation(() => WebhookSubscriptionWithSecret, {
    description:
      "Subscribes an endpoint to event types. The response holds the signing secret, the only time it is shown. PARTNER or ADMIN.",
  })
  async createWebhookSubscription(
    @Arg("input", () => CreateWebhookSubscriptionInput, { description: "The endpoint and what it receives." })
    input: CreateWebhookSubscriptionInput,
    @Ctx() ctx: CommunicationContext,
  ): Promise<WebhookSubscriptionWithSecret> {
    return withSecret(
      await ctx.services.webhooks.subscriptions.create(partnerOrAdmin(ctx.viewer), input),
      ctx.services.now(),
    );
  }

  @Mutation(() => WebhookSubscription, {
    description: "Changes a webhook subscription's endpoint, types or note. PARTNER or ADMIN.",
  })
  async updateWebhookSubscription(
    @Arg("id", () => ID, { description: "The subscription's id." }) id: string,
    @Arg("input", () => UpdateWebhookSubscriptionInput, { description: "What to change." })
    input: UpdateWebhookSubscriptionInput,
    @Ctx() ctx: CommunicationContext,
  ): Promise<WebhookSubscription> {
    return subscriptionView(
      await ctx.services.webhooks.subscriptions.update(partnerOrAdmin(ctx.viewer), id, input),
      ctx.services.now(),
    );
  }

  @Mutation(() => WebhookSubscription, {
    description:
      "Turns a DISABLED subscription back on, with its failure count at 0; new events are delivered from then on. Enabling an active one changes nothing. PARTNER or ADMIN.",
  })
  async enableWebhookSubscription(
    @Arg("id", () => ID, { description: "The subscription's id." }) id: string,
    @Ctx() ctx: CommunicationContext,
  ): Promise<WebhookSubscription> {
    return subscriptionView(
      await ctx.services.webhooks.subscriptions.enable(partnerOrAdmin(ctx.viewer), id),
      ctx.services.now(),
    );
  }

  @Mutation(() => WebhookSubscription, {
    description:
      "Stops deliveries to a subscription; waiting deliveries are given up (FAILED). PARTNER or ADMIN.",
  })
  async disableWebhookSubscription(
    @Arg("id", () => ID, { description: "The subscription's id." }) id: string,
    @Ctx() ctx: CommunicationContext,
  ): Promise<WebhookSubscription> {
    return subscriptionView(
      await ctx.services.webhooks.subscriptions.disable(partnerOrAdmin(ctx.viewer), id),
      ctx.services.now(),
    );
  }

  @Mutation(() => WebhookSubscriptionWithSecret, {
    description:
      "Replaces the signing secret; the response holds the new one, the only time it is shown. For 24 hours deliveries carry a signature with each secret, so the endpoint can switch without missing one. PARTNER or ADMIN.",
  })
  async rotateWebhookSigningSecret(
    @Arg("id", () => ID, { description: "The subscription's id." }) id: string,
    @Ctx() ctx: CommunicationContext,
  ): Promise<WebhookSubscriptionWithSecret> {
    return withSecret(
      await ctx.services.webhooks.subscriptions.rotateSecret(partnerOrAdmin(ctx.viewer), id),
      ctx.services.now(),
    );
  }

  @Mutation(() => WebhookSubscription, {
    description:
      "Removes a subscription and its delivery log for good; returns it as it was. PARTNER or ADMIN.",
  })
  async deleteWebhookSubscription(
    @Arg("id", () => ID, { description: "The subscription's id." }) id: string,
    @Ctx() ctx: CommunicationContext,
  ): Promise<WebhookSubscription> {
    return subscriptionView(
      await ctx.services.webhooks.subscriptions.remove(partnerOrAdmin(ctx.viewer), id),
      ctx.services.now(),
    );
  }

  @Mutation(() => WebhookDelivery, {
    description:
      "Sends a FAILED delivery again now (the same event id and body). Its subscription must be ACTIVE; CONFLICT otherwise, or for a delivery that did not fail. PARTNER or ADMIN.",
  })
  async retryWebhookDelivery(
    @Arg("id", () => ID, { description: "The delivery's id." }) id: string,
    @Ctx() ctx: CommunicationContext,
  ): Promise<WebhookDelivery> {
    const retried = await ctx.services.webhooks.subscriptions.retryDelivery(partnerOrAdmin(ctx.viewer), id);
    ctx.services.webhooks.deliveriesQueued();
    return deliveryView(retried);
  }
}
