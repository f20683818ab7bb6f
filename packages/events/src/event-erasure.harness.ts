import type { DomainEvent, EventPayload, EventType } from "./catalogue.js";
import { newEvent } from "./outbox.js";

/** The person who deletes their account, and what of theirs must not survive anywhere. */
export const ZELDA = { id: "user-zelda-7f3a", name: "Zelda Zebrafish" };
/** Everyone else: their data must stay exactly as it was. */
export const CAROL = { id: "user-carol-52d1", name: "Carol Customer" };
export const BOB = { id: "user-bob-19c2", name: "Bob Owner" };
export const ANN = { id: "user-ann-admin", name: "Ann Admin" };

/** Text that only ever appears in Zelda's data: her id, her name, what she wrote or was told. */
export const ZELDA_SECRETS = [ZELDA.id, "Zelda"];

const T0 = Date.UTC(2026, 2, 1, 12);
let minute = 0;
const next = () => new Date(T0 + ++minute * 60_000);

function event<T extends EventType>(type: T, payload: (at: string) => EventPayload<T>): DomainEvent<T> {
  const at = next();
  return newEvent(type, payload(at.toISOString()), at);
}

const registered = (person: { id: string; name: string }) =>
  event("marketplace.user_registered", (at) => ({
    userId: person.id,
    displayName: person.name,
    registeredAt: at,
  }));

const favorite = (userId: string, vendorId: string) =>
  event("marketplace.favorite_added", (at) => ({ userId, vendorId, at }));

const message = (
  conversationId: string,
  from: string,
  to: string,
  senderSide: "CUSTOMER" | "VENDOR",
  preview: string,
) =>
  event("communication.message_sent", (at) => ({
    messageId: `message-${at}`,
    conversationId,
    vendorId: "vendor-tacos",
    senderId: from,
    senderSide,
    recipientId: to,
    preview,
    sentAt: at,
  }));

/**
 * A marketplace's history in which Zelda took part in every way an event can record a person, beside
 * others who did the same; `erasure` is her account's deletion.
 */
export function erasureHistory(): {
  history: DomainEvent[];
  erasure: DomainEvent<"marketplace.user_deleted">;
} {
  const history: DomainEvent[] = [
    registered(ZELDA),
    registered(CAROL),
    registered(BOB),
    event("marketplace.vendor_created", (at) => ({
      vendorId: "vendor-tacos",
      name: "Tacos Bob",
      cuisines: ["tacos"],
      status: "OPEN",
      ownerId: BOB.id,
      version: 1,
      updatedAt: at,
    })),
    event("marketplace.vendor_rejected", (at) => ({
      vendorId: "vendor-tacos",
      actorId: ANN.id,
      at,
      reason: "Photos missing",
    })),
    favorite(ZELDA.id, "vendor-tacos"),
    favorite(CAROL.id, "vendor-tacos"),
    event("marketplace.review_submitted", (at) => ({
      reviewId: "review-zelda",
      vendorId: "vendor-tacos",
      authorId: ZELDA.id,
      rating: 5,
      status: "PENDING",
      submittedAt: at,
    })),
    event("marketplace.review_moderated", (at) => ({
      reviewId: "review-zelda",
      vendorId: "vendor-tacos",
      decision: "APPROVED",
      moderatorId: ANN.id,
      at,
    })),
    event("marketplace.points_earned", (at) => ({
      userId: ZELDA.id,
      vendorId: "vendor-tacos",
      points: 5,
      entryId: "entry-zelda",
      reason: "REVIEW",
      at,
    })),
    event("marketplace.points_earned", (at) => ({
      userId: CAROL.id,
      vendorId: "vendor-tacos",
      points: 5,
      entryId: "entry-carol",
      reason: "CHECK_IN",
      at,
    })),
    event("payment.purchase_completed", (at) => ({
      purchaseId: "purchase-zelda",
      userId: ZELDA.id,
      vendorId: "vendor-tacos",
      amountMinor: 1250,
      currency: "USD",
      at,
    })),
    event("payment.refunded", (at) => ({
      purchaseId: "purchase-zelda",
      userId: ZELDA.id,
      vendorId: "vendor-tacos",
      amountMinor: 1250,
      amountRefundedMinor: 1250,
      currency: "USD",
      fullyRefunded: true,
      at,
    })),
    event("location.geofence_triggered", (at) => ({
      fenceId: "fence-near-zelda",
      fenceKind: "ALERT_ZONE",
      ownerId: ZELDA.id,
      vendorId: "vendor-tacos",
      transition: "ENTER",
      lat: 30.2672,
      lng: -97.7431,
      at,
      cause: "FENCE_MOVED",
      fenceCenter: { lat: 30.2675, lng: -97.7435 },
    })),
    event("location.geofence_triggered", (at) => ({
      fenceId: "fence-tacos-pitch",
      fenceKind: "VENDOR_ZONE",
      ownerId: "vendor-tacos",
      vendorId: "vendor-tacos",
      transition: "ENTER",
      lat: 30.2672,
      lng: -97.7431,
      at,
      cause: "VENDOR_MOVED",
      fenceCenter: { lat: 30.2672, lng: -97.7431 },
    })),
    message("conversation-zelda", ZELDA.id, BOB.id, "CUSTOMER", "Hi Bob, it is Zelda: no walnuts please"),
    message("conversation-zelda", BOB.id, ZELDA.id, "VENDOR", "Sure thing, Zelda!"),
    message("conversation-carol", CAROL.id, BOB.id, "CUSTOMER", "Carol here, are you open?"),
    event("communication.ticket_updated", (at) => ({
      ticketId: "ticket-zelda",
      requesterId: ZELDA.id,
      change: "ASSIGNED",
      state: "ASSIGNED",
      assigneeId: ANN.id,
      actorId: ANN.id,
      at,
    })),
    event("marketplace.notification_preferences_changed", (at) => ({
      userId: ZELDA.id,
      preferences: [{ category: "MESSAGES", push: true, email: false, sms: true }],
      at,
    })),
  ];
  const erasure = event("marketplace.user_deleted", (at) => ({ userId: ZELDA.id, at }));
  return { history, erasure };
}

/** A late message to Zelda: published by chat after her erasure reached the event store. */
export const lateMessageToZelda = () =>
  message("conversation-zelda", BOB.id, ZELDA.id, "VENDOR", "Are you still there, Zelda?");

/** Whether the text holds anything of Zelda's. */
export const holdsZelda = (text: string) => ZELDA_SECRETS.some((secret) => text.includes(secret));
