import type { DomainEvent, EventPayload, EventType } from "./catalogue.js";

/** The payload fields that can hold a person's id: its string fields, required or not. */
type IdField<P> = { [K in keyof P]-?: NonNullable<P[K]> extends string ? K : never }[keyof P];

/** What an event type's payload holds about people, and how to take it out. */
export interface PersonalFields<P> {
  /**
   * The fields holding the id of a person (an account): a customer, a vendor's owner, an admin. A
   * function where it depends on the payload (a geofence's owner is a person only for alert zones).
   */
  readonly people: readonly IdField<P>[] | ((payload: P) => readonly IdField<P>[]);
  /**
   * The payload without what it says from or about the people it names: their names, text they
   * wrote, where they were. Applied when one of them is erased; the result must still pass the
   * catalogue's schema, so a replay reads it like any other event (empty a required text, leave out
   * an optional one).
   */
  readonly withoutContent?: (payload: P) => P;
}

/** Shown instead of an erased person's name; the marketplace's users store says the same. */
export const ERASED_NAME = "Deleted user";

const NOBODY = { people: [] } as const;

/**
 * The personal data in every event type: the one place that decides it, beside the catalogue, so a
 * new event type does not compile until it says what it holds about people. The event store erases
 * by it (see event-erasure.ts).
 *
 * Not personal here: a vendor's listing (name, description, menu, hours, positions) is the business's
 * published content, owned by the vendor whoever manages it; money movements (purchases, refunds,
 * subscriptions) are kept for the accounts the law requires, with the person's id taken out; ids of
 * things (reviews, tickets, conversations, fences, ledger entries) are random and say nothing of a
 * person once the people in the same payload are pseudonyms.
 */
export const personalFields: { [T in EventType]: PersonalFields<EventPayload<T>> } = {
  "marketplace.user_registered": {
    people: ["userId"],
    withoutContent: (p) => ({ ...p, displayName: ERASED_NAME }),
  },
  "marketplace.vendor_created": { people: ["ownerId"] },
  "marketplace.vendor_updated": { people: ["ownerId"] },
  // A rejection's reason is text its admin wrote.
  "marketplace.vendor_submitted": {
    people: ["actorId"],
    withoutContent: (p) => ({ ...p, reason: undefined }),
  },
  "marketplace.vendor_verified": {
    people: ["actorId"],
    withoutContent: (p) => ({ ...p, reason: undefined }),
  },
  "marketplace.vendor_rejected": {
    people: ["actorId"],
    withoutContent: (p) => ({ ...p, reason: undefined }),
  },
  "location.vendor_location_updated": NOBODY,
  // An alert zone that follows its owner is centred on where that person was.
  "location.geofence_triggered": {
    people: (p) => (p.fenceKind === "ALERT_ZONE" ? ["ownerId"] : []),
    withoutContent: (p) => ({ ...p, fenceCenter: undefined }),
  },
  "marketplace.review_submitted": { people: ["authorId"] },
  "marketplace.review_moderated": { people: ["moderatorId"] },
  "marketplace.rating_changed": NOBODY,
  "marketplace.favorite_added": { people: ["userId"] },
  "marketplace.favorite_removed": { people: ["userId"] },
  "marketplace.points_earned": { people: ["userId"] },
  "marketplace.reward_redeemed": { people: ["userId"] },
  "marketplace.user_deleted": { people: ["userId"] },
  "payment.purchase_completed": { people: ["userId"] },
  "payment.refunded": { people: ["userId"] },
  "payment.subscription_changed": NOBODY,
  "marketplace.menu_updated": NOBODY,
  "marketplace.schedule_updated": NOBODY,
  // Whoever wrote it, a message to or from the person is part of their conversation.
  "communication.message_sent": {
    people: ["senderId", "recipientId"],
    withoutContent: (p) => ({ ...p, preview: "" }),
  },
  "communication.ticket_updated": { people: ["requesterId", "assigneeId", "actorId"] },
  // What a person chose to be told about is theirs.
  "marketplace.notification_preferences_changed": {
    people: ["userId"],
    withoutContent: (p) => ({ ...p, preferences: [] }),
  },
  // A partner key belongs to a business; the admin who revoked it is not named.
  "marketplace.partner_key_revoked": NOBODY,
};

/** The event types whose payloads may name someone: the ones an erasure has to look at. */
export const TYPES_NAMING_PEOPLE: readonly EventType[] = (Object.keys(personalFields) as EventType[]).filter(
  (type) => {
    const { people } = personalFields[type];
    return typeof people === "function" || people.length > 0;
  },
);

type LoosePayload = Record<string, unknown>;

/** The declaration of one event's type, seen without its type parameter. */
function fieldsOf(event: DomainEvent): {
  ids: readonly string[];
  withoutContent: ((payload: LoosePayload) => LoosePayload) | undefined;
} {
  const fields = personalFields[event.type] as unknown as PersonalFields<LoosePayload>;
  const payload = event.payload as LoosePayload;
  const ids = typeof fields.people === "function" ? fields.people(payload) : fields.people;
  return { ids: ids as readonly string[], withoutContent: fields.withoutContent };
}

/** The people an event names, each once. */
export function peopleIn(event: DomainEvent): string[] {
  const payload = event.payload as LoosePayload;
  const people = new Set<string>();
  for (const field of fieldsOf(event).ids) {
    const id = payload[field];
    if (typeof id === "string") people.add(id);
  }
  return [...people];
}

/**
 * The event with `personId` replaced by `pseudonym` wherever it names them, and without what it says
 * from or about the people it names; the same event when it does not name them.
 */
export function withoutPerson(event: DomainEvent, personId: string, pseudonym: string): DomainEvent {
  const { ids, withoutContent } = fieldsOf(event);
  const payload = event.payload as LoosePayload;
  const named = ids.filter((field) => payload[field] === personId);
  if (named.length === 0) return event;
  const redacted: LoosePayload = { ...payload };
  for (const field of named) redacted[field] = pseudonym;
  // Dropped fields are left undefined: they vanish when the payload is written as JSON.
  const cleared = withoutContent ? withoutContent(redacted) : redacted;
  for (const [key, value] of Object.entries(cleared)) if (value === undefined) delete cleared[key];
  return { ...event, payload: cleared } as DomainEvent;
}
