import { isAdmin, type Viewer } from "@venta/auth";
import { badUserInput, pageInfo, pageSize } from "@venta/kit";
import { decodeCursor, encodeCursor } from "@venta/store";
import type { WebhookDeliveriesStore } from "./webhook-deliveries.store.js";
import type { WebhookDeliveryConnection } from "./webhook-delivery.connection.js";
import type { WebhookDeliveryStatus } from "./webhook-delivery.record.js";
import { deliveryView } from "./webhook-delivery.view.js";
import type { WebhookSubscriptionConnection } from "./webhook-subscription.connection.js";
import { subscriptionView } from "./webhook-subscription.view.js";
import type { WebhookSubscriptionsService } from "./webhook-subscriptions.service.js";
import type { WebhookSubscriptionsStore } from "./webhook-subscriptions.store.js";

const SUBSCRIPTIONS = "webhook-subscriptions";
const DELIVERIES = "webhook-deliveries";

const cursorOf = (kind: string, row: { createdAt: Date; id: string }) =>
  encodeCursor(kind, [row.createdAt.getTime(), row.id]);

function afterKey(
  kind: string,
  after: string | null | undefined,
): { createdAt: Date; id: string } | undefined {
  if (after === null || after === undefined) return undefined;
  const [createdAt, id] = decodeCursor(kind, after) ?? [];
  if (typeof createdAt !== "number" || typeof id !== "string")
    throw badUserInput("`after` is not a valid cursor", "after");
  return { createdAt: new Date(createdAt), id };
}

/**
 * The subscriptions a caller may see, newest first: a partner its own; an admin everyone's, or one
 * partner key's when asked.
 */
export async function listWebhookSubscriptions(
  store: WebhookSubscriptionsStore,
  viewer: Viewer,
  partnerKeyId: string | null | undefined,
  first: number,
  after: string | null | undefined,
  now: Date,
): Promise<WebhookSubscriptionConnection> {
  const size = pageSize(first);
  const key = afterKey(SUBSCRIPTIONS, after);
  const owner = isAdmin(viewer) ? (partnerKeyId ?? undefined) : viewer.partner?.keyId;
  // Neither an admin nor a partner: the resolver's authorization keeps such callers out.
  if (!isAdmin(viewer) && owner === undefined)
    return { edges: [], pageInfo: pageInfo([], false, false), totalCount: 0 };
  if (!isAdmin(viewer) && partnerKeyId != null && partnerKeyId !== owner)
    return { edges: [], pageInfo: pageInfo([], false, false), totalCount: 0 };
  const page = await store.list({ first: size, after: key, partnerKeyId: owner });
  const edges = page.records.map((r) => ({
    cursor: cursorOf(SUBSCRIPTIONS, r),
    node: subscriptionView(r, now),
  }));
  return {
    edges,
    pageInfo: pageInfo(edges, page.hasNextPage, key !== undefined),
    totalCount: page.totalCount,
  };
}

/**
 * The deliveries a caller may see, newest first: to the partner's own subscriptions, or (admins)
 * to any. Filtering by another partner's subscription is NOT_FOUND, as the subscription is.
 */
export async function listWebhookDeliveries(
  store: WebhookDeliveriesStore,
  subscriptions: WebhookSubscriptionsService,
  viewer: Viewer,
  filter: { subscriptionId?: string | null | undefined; status?: WebhookDeliveryStatus | null | undefined },
  first: number,
  after: string | null | undefined,
): Promise<WebhookDeliveryConnection> {
  const size = pageSize(first);
  const key = afterKey(DELIVERIES, after);
  if (filter.subscriptionId != null) await subscriptions.get(viewer, filter.subscriptionId);
  const owner = isAdmin(viewer) ? undefined : viewer.partner?.keyId;
  if (!isAdmin(viewer) && owner === undefined)
    return { edges: [], pageInfo: pageInfo([], false, false), totalCount: 0 };
  const page = await store.list({
    first: size,
    after: key,
    subscriptionId: filter.subscriptionId ?? undefined,
    partnerKeyId: owner,
    status: filter.status ?? undefined,
  });
  const edges = page.records.map((r) => ({ cursor: cursorOf(DELIVERIES, r), node: deliveryView(r) }));
  return {
    edges,
    pageInfo: pageInfo(edges, page.hasNextPage, key !== undefined),
    totalCount: page.totalCount,
  };
}
