import { randomUUID } from "node:crypto";
import { forbidden, isAdmin, type Viewer } from "@venta/auth";
import { badUserInput, conflict, notFound } from "@venta/kit";
import { isPublicEventType, type PublicEventType } from "./public-events.js";
import type { WebhookDeliveriesStore } from "./webhook-deliveries.store.js";
import type { WebhookDeliveryRecord } from "./webhook-delivery.record.js";
import { newSigningSecret } from "./webhook-signature.js";
import type { WebhookSubscriptionRecord } from "./webhook-subscription.record.js";
import type { WebhookSubscriptionsStore } from "./webhook-subscriptions.store.js";
import { type EndpointPolicy, EndpointRefusedError, endpointTarget } from "./webhook-url.js";

const MAX_DESCRIPTION_LENGTH = 200;
/** Endpoints one partner key may have: plenty for real use, a bound on fan-out per event. */
export const MAX_SUBSCRIPTIONS_PER_PARTNER = 25;
/** How long a rotated-out secret keeps signing, so a partner can switch without missing a delivery. */
export const PREVIOUS_SECRET_GRACE_MS = 24 * 3_600_000;

export interface NewSubscription {
  url: string;
  eventTypes: readonly string[];
  description?: string | null | undefined;
  /** Whose it is: an admin names the partner key; a partner's own key otherwise. */
  partnerKeyId?: string | null | undefined;
}

export interface SubscriptionChanges {
  url?: string | null | undefined;
  eventTypes?: readonly string[] | null | undefined;
  description?: string | null | undefined;
}

/** A subscription with its signing secret: returned only when the secret is made. */
export interface SubscriptionWithSecret {
  subscription: WebhookSubscriptionRecord;
  signingSecret: string;
}

/**
 * Partners' webhook subscriptions. A partner key manages its own; an admin manages any. Another
 * partner's subscription is as good as unknown to a caller: NOT_FOUND, never FORBIDDEN, so ids
 * reveal nothing.
 */
export class WebhookSubscriptionsService {
  constructor(
    private readonly subscriptions: WebhookSubscriptionsStore,
    private readonly deliveries: WebhookDeliveriesStore,
    private readonly endpoints: EndpointPolicy,
    private readonly now: () => Date = () => new Date(),
  ) {}

  async create(viewer: Viewer, input: NewSubscription): Promise<SubscriptionWithSecret> {
    const partnerKeyId = ownerFor(viewer, input.partnerKeyId);
    const eventTypes = validEventTypes(input.eventTypes);
    const description = validDescription(input.description);
    // Last: it may ask DNS, which input already refused should not cost.
    const url = await validEndpointUrl(input.url, this.endpoints);
    const { totalCount } = await this.subscriptions.list({ first: 1, partnerKeyId });
    if (totalCount >= MAX_SUBSCRIPTIONS_PER_PARTNER)
      throw conflict(`a partner key may have at most ${MAX_SUBSCRIPTIONS_PER_PARTNER} webhook subscriptions`);
    const at = this.now();
    const signingSecret = newSigningSecret();
    const subscription: WebhookSubscriptionRecord = {
      id: randomUUID(),
      partnerKeyId,
      url,
      eventTypes,
      description,
      status: "ACTIVE",
      disabledReason: null,
      disabledAt: null,
      secret: signingSecret,
      previousSecret: null,
      previousSecretExpiresAt: null,
      consecutiveFailures: 0,
      createdAt: at,
      updatedAt: at,
    };
    await this.subscriptions.insert(subscription);
    return { subscription, signingSecret };
  }

  /** The subscription, if the caller may see it. */
  async get(viewer: Viewer, id: string): Promise<WebhookSubscriptionRecord> {
    const subscription = await this.subscriptions.findById(id);
    if (!subscription || !mayManage(viewer, subscription))
      throw notFound(`no webhook subscription with id ${id}`);
    return subscription;
  }

  async update(viewer: Viewer, id: string, changes: SubscriptionChanges): Promise<WebhookSubscriptionRecord> {
    await this.get(viewer, id);
    const valid = {
      ...(changes.url != null ? { url: await validEndpointUrl(changes.url, this.endpoints) } : {}),
      ...(changes.eventTypes != null ? { eventTypes: validEventTypes(changes.eventTypes) } : {}),
      ...(changes.description !== undefined ? { description: validDescription(changes.description) } : {}),
    };
    return this.found(id, await this.subscriptions.update(id, valid, this.now()));
  }

  /** ACTIVE again with a clean failure count; deliveries given up meanwhile stay FAILED (retry them one by one). */
  async enable(viewer: Viewer, id: string): Promise<WebhookSubscriptionRecord> {
    const subscription = await this.get(viewer, id);
    const enabled = this.found(id, await this.subscriptions.enable(id, this.now()));
    // The store refuses in the write itself, so a revocation landing after the read above still wins.
    if (subscription.disabledReason === "KEY_REVOKED" || enabled.disabledReason === "KEY_REVOKED")
      throw conflict("the subscription's partner key was revoked: it cannot be enabled again", "id");
    return enabled;
  }

  /** Stops deliveries: waiting ones are given up, new events are not delivered until it is enabled. */
  async disable(viewer: Viewer, id: string): Promise<WebhookSubscriptionRecord> {
    await this.get(viewer, id);
    const disabled = this.found(id, await this.subscriptions.disable(id, "BY_OWNER", this.now()));
    await this.deliveries.failPending(id, "the subscription was disabled");
    return disabled;
  }

  /** A new signing secret, shown once; the previous one keeps signing for a day alongside it. */
  async rotateSecret(viewer: Viewer, id: string): Promise<SubscriptionWithSecret> {
    await this.get(viewer, id);
    const at = this.now();
    const signingSecret = newSigningSecret();
    const subscription = this.found(
      id,
      await this.subscriptions.rotateSecret(
        id,
        signingSecret,
        new Date(at.getTime() + PREVIOUS_SECRET_GRACE_MS),
        at,
      ),
    );
    return { subscription, signingSecret };
  }

  /** Removes the subscription and its delivery log. */
  async remove(viewer: Viewer, id: string): Promise<WebhookSubscriptionRecord> {
    const subscription = await this.get(viewer, id);
    await this.subscriptions.remove(id);
    await this.deliveries.removeBySubscription(id);
    return subscription;
  }

  /** A delivery the caller may see: one to a subscription of theirs. */
  async delivery(viewer: Viewer, id: string): Promise<WebhookDeliveryRecord> {
    const delivery = await this.deliveries.findById(id);
    if (!delivery || !(isAdmin(viewer) || viewer.partner?.keyId === delivery.partnerKeyId))
      throw notFound(`no webhook delivery with id ${id}`);
    return delivery;
  }

  /** A FAILED delivery is sent again now: one more attempt once its budget is spent, else what is left of it. */
  async retryDelivery(viewer: Viewer, id: string): Promise<WebhookDeliveryRecord> {
    const delivery = await this.delivery(viewer, id);
    const subscription = await this.subscriptions.findById(delivery.subscriptionId);
    if (subscription?.status !== "ACTIVE")
      throw conflict("enable the subscription before retrying its deliveries", "id");
    const retried = await this.deliveries.retry(id, this.now());
    if (!retried)
      throw conflict(`the delivery is ${delivery.status}: only a FAILED delivery can be retried`, "id");
    return retried;
  }

  private found(id: string, record: WebhookSubscriptionRecord | null): WebhookSubscriptionRecord {
    // Removed between the check and the write.
    if (!record) throw notFound(`no webhook subscription with id ${id}`);
    return record;
  }
}

export const mayManage = (viewer: Viewer, subscription: { partnerKeyId: string }): boolean =>
  isAdmin(viewer) || viewer.partner?.keyId === subscription.partnerKeyId;

function ownerFor(viewer: Viewer, requested: string | null | undefined): string {
  if (isAdmin(viewer)) {
    const owner = requested?.trim() || viewer.partner?.keyId;
    if (!owner) throw badUserInput("name the partner key the subscription is for", "partnerKeyId");
    return owner;
  }
  const own = viewer.partner?.keyId;
  if (!own) throw forbidden("only a partner API key or an admin manages webhook subscriptions");
  if (requested != null && requested !== own)
    throw forbidden("a partner key manages only its own webhook subscriptions");
  return own;
}

/**
 * The URL, normalised, if a delivery could be sent there now. Deliveries check it again on every
 * attempt (DNS changes); this check tells the partner at once.
 */
async function validEndpointUrl(text: string, policy: EndpointPolicy): Promise<string> {
  try {
    return (await endpointTarget(text, policy)).url.toString();
  } catch (error) {
    if (error instanceof EndpointRefusedError) throw badUserInput(error.message, "url");
    throw error;
  }
}

function validEventTypes(types: readonly string[]): PublicEventType[] {
  const unique = [...new Set(types)];
  if (unique.length === 0) throw badUserInput("subscribe to at least one event type", "eventTypes");
  const unknown = unique.find((type) => !isPublicEventType(type));
  if (unknown !== undefined)
    throw badUserInput(`"${unknown}" is not an event type partners can receive`, "eventTypes");
  return unique as PublicEventType[];
}

function validDescription(description: string | null | undefined): string | null {
  if (description == null) return null;
  const trimmed = description.trim();
  if (trimmed.length > MAX_DESCRIPTION_LENGTH)
    throw badUserInput(`description must be at most ${MAX_DESCRIPTION_LENGTH} characters`, "description");
  return trimmed.length === 0 ? null : trimmed;
}
