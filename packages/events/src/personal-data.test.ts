import { describe, expect, it } from "vitest";
import {
  aggregateOf,
  type DomainEvent,
  EVENT_TYPES,
  type EventPayload,
  type EventType,
  parseEvent,
} from "./catalogue.js";
import { newEvent } from "./outbox.js";
import { ERASED_NAME, peopleIn, TYPES_NAMING_PEOPLE, withoutPerson } from "./personal-data.js";

const AT = new Date(Date.UTC(2026, 0, 1)).toISOString();
/** Written by, or about, the people in the payloads below; no other field holds it. */
const SECRET = "Zelda";

/**
 * One payload of every event type (a new type does not compile until it has one), naming people as
 * `person-…`; free text mentions `Zelda`.
 */
const samples: { [T in EventType]: EventPayload<T> } = {
  "marketplace.user_registered": { userId: "person-1", displayName: "Zelda Zebrafish", registeredAt: AT },
  "marketplace.vendor_created": {
    vendorId: "vendor-1",
    name: "Tacos",
    cuisines: ["tacos"],
    status: "OPEN",
    ownerId: "person-1",
    version: 1,
    updatedAt: AT,
  },
  "marketplace.vendor_updated": {
    vendorId: "vendor-1",
    name: "Tacos",
    cuisines: ["tacos"],
    status: "CLOSED",
    ownerId: "person-1",
    version: 2,
    updatedAt: AT,
  },
  "marketplace.vendor_submitted": { vendorId: "vendor-1", actorId: "person-1", at: AT },
  "marketplace.vendor_verified": { vendorId: "vendor-1", actorId: "person-2", at: AT },
  "marketplace.vendor_rejected": {
    vendorId: "vendor-1",
    actorId: "person-2",
    at: AT,
    reason: "Zelda, the photos are blurry",
  },
  "location.vendor_location_updated": {
    vendorId: "vendor-1",
    lat: 1,
    lng: 2,
    accuracyMeters: null,
    heading: null,
    recordedAt: AT,
  },
  "location.geofence_triggered": {
    fenceId: "fence-1",
    fenceKind: "ALERT_ZONE",
    ownerId: "person-1",
    vendorId: "vendor-1",
    transition: "ENTER",
    lat: 1,
    lng: 2,
    at: AT,
    cause: "FENCE_MOVED",
    fenceCenter: { lat: 1.5, lng: 2.5 },
  },
  "marketplace.review_submitted": {
    reviewId: "review-1",
    vendorId: "vendor-1",
    authorId: "person-1",
    rating: 4,
    status: "PUBLISHED",
    submittedAt: AT,
  },
  "marketplace.review_moderated": {
    reviewId: "review-1",
    vendorId: "vendor-1",
    decision: "APPROVED",
    moderatorId: "person-2",
    at: AT,
  },
  "marketplace.rating_changed": { vendorId: "vendor-1", average: 4, count: 1, updatedAt: AT },
  "marketplace.favorite_added": { userId: "person-1", vendorId: "vendor-1", at: AT },
  "marketplace.favorite_removed": { userId: "person-1", vendorId: "vendor-1", at: AT },
  "marketplace.points_earned": {
    userId: "person-1",
    vendorId: "vendor-1",
    points: 5,
    entryId: "entry-1",
    reason: "REVIEW",
    at: AT,
  },
  "marketplace.reward_redeemed": {
    userId: "person-1",
    vendorId: "vendor-1",
    points: 10,
    entryId: "entry-2",
    reason: "REDEMPTION",
    at: AT,
  },
  "marketplace.user_deleted": { userId: "person-1", at: AT },
  "payment.purchase_completed": {
    purchaseId: "purchase-1",
    userId: "person-1",
    vendorId: "vendor-1",
    amountMinor: 100,
    currency: "USD",
    at: AT,
  },
  "payment.refunded": {
    purchaseId: "purchase-1",
    userId: "person-1",
    vendorId: "vendor-1",
    amountMinor: 100,
    amountRefundedMinor: 100,
    currency: "USD",
    fullyRefunded: true,
    at: AT,
  },
  "payment.subscription_changed": {
    vendorId: "vendor-1",
    subscriptionId: "subscription-1",
    provider: "REVENUECAT",
    change: "STARTED",
    productId: "pro",
    entitlementIds: ["pro"],
    expiresAt: null,
    environment: "PRODUCTION",
    at: AT,
  },
  "marketplace.menu_updated": {
    vendorId: "vendor-1",
    items: [{ name: "Taco", description: null, dietaryTags: [] }],
    updatedAt: AT,
  },
  "marketplace.schedule_updated": { vendorId: "vendor-1", timeZone: "America/Chicago", updatedAt: AT },
  "communication.message_sent": {
    messageId: "message-1",
    conversationId: "conversation-1",
    vendorId: "vendor-1",
    senderId: "person-2",
    senderSide: "VENDOR",
    recipientId: "person-1",
    preview: "Hello Zelda, your order is ready",
    sentAt: AT,
  },
  "communication.ticket_updated": {
    ticketId: "ticket-1",
    requesterId: "person-1",
    change: "ASSIGNED",
    state: "ASSIGNED",
    assigneeId: "person-2",
    actorId: "person-3",
    at: AT,
  },
  "marketplace.notification_preferences_changed": {
    userId: "person-1",
    preferences: [{ category: "MESSAGES", push: true, email: false, sms: false }],
    at: AT,
  },
  "marketplace.partner_key_revoked": { keyId: "key-1", revokedAt: AT },
};

const sample = (type: EventType): DomainEvent => newEvent(type, samples[type], new Date(AT));

describe("the personal data of each event type", () => {
  it.each(EVENT_TYPES)("%s: nothing of a person it names is left once they are erased", (type) => {
    const event = sample(type);
    for (const person of peopleIn(event)) {
      const redacted = withoutPerson(event, person, "deleted-user-x");
      expect(JSON.stringify(redacted.payload)).not.toContain(`"${person}"`);
      // Still a valid event: consumers and replays read it like any other.
      expect(parseEvent(redacted)).toEqual(redacted);
      expect(redacted.id).toBe(event.id);
    }
  });

  it.each(EVENT_TYPES)("%s: text from or about people goes once everyone it names is erased", (type) => {
    let event = sample(type);
    for (const person of peopleIn(event)) event = withoutPerson(event, person, `deleted-${person}`);
    expect(JSON.stringify(event.payload)).not.toContain(SECRET);
    expect(JSON.stringify(event.payload)).not.toMatch(/"person-\d"/);
  });

  it.each(EVENT_TYPES)("%s: an event filed under a person names them", (type) => {
    const event = sample(type);
    const aggregate = aggregateOf(event);
    if (aggregate.type !== "user") return;
    expect(peopleIn(event)).toContain(aggregate.id);
    expect(aggregateOf(withoutPerson(event, aggregate.id, "deleted-user-x"))).toEqual({
      type: "user",
      id: "deleted-user-x",
    });
  });

  it("leaves an event that does not name the person as it is", () => {
    for (const type of EVENT_TYPES) {
      const event = sample(type);
      expect(withoutPerson(event, "someone-else", "deleted-user-x")).toBe(event);
    }
  });

  it("names only the people of a payload, each once, and looks at only the types that can", () => {
    const ticket = newEvent("communication.ticket_updated", {
      ...samples["communication.ticket_updated"],
      assigneeId: null,
      actorId: "person-1",
    });
    expect(peopleIn(ticket)).toEqual(["person-1"]);
    const vendorZone = newEvent("location.geofence_triggered", {
      ...samples["location.geofence_triggered"],
      fenceKind: "VENDOR_ZONE",
      ownerId: "vendor-1",
    });
    expect(peopleIn(vendorZone)).toEqual([]);
    expect(TYPES_NAMING_PEOPLE).toContain("location.geofence_triggered");
    expect(TYPES_NAMING_PEOPLE).not.toContain("location.vendor_location_updated");
    expect(TYPES_NAMING_PEOPLE).not.toContain("marketplace.menu_updated");
  });

  it("keeps the rest of a message, and the other participant, when one of them is erased", () => {
    const redacted = withoutPerson(sample("communication.message_sent"), "person-1", "deleted-user-x");
    expect(redacted.payload).toEqual({
      ...samples["communication.message_sent"],
      recipientId: "deleted-user-x",
      preview: "",
    });
    const registered = withoutPerson(sample("marketplace.user_registered"), "person-1", "deleted-user-x");
    expect(registered.payload).toEqual({
      userId: "deleted-user-x",
      displayName: ERASED_NAME,
      registeredAt: AT,
    });
  });
});
