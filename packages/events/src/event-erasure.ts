import { createHmac, randomBytes } from "node:crypto";
import type { DomainEvent, UserDeleted } from "./catalogue.js";
import { peopleIn, withoutPerson } from "./personal-data.js";

/**
 * How the event store honours a person's erasure (GDPR art. 17), announced by
 * `marketplace.user_deleted`:
 *
 * - Appending the erasure redacts, in the same transaction, every stored event that names the person
 *   in a field `personalFields` (personal-data.ts) declares: their id becomes a pseudonym, and what
 *   those events say from or about the people they name (a display name, a message preview, an alert
 *   zone's centre, an admin's reason) goes. Events of the person's own aggregate are among them, and
 *   are filed under the pseudonym from then on. The erasure event itself is stored redacted.
 * - The pseudonym is an HMAC of the id under a random salt kept in the store, the same for all of one
 *   person's events: a replay still counts two erased people as two (trending favorites, say), and
 *   the id cannot be read back from it. Only someone holding both the store and a former id can tell
 *   that this id was erased and which anonymous events were theirs; nothing personal remains in them.
 * - The store keeps the pseudonyms of erased people, so an event naming one that arrives after the
 *   erasure (at-least-once delivery, a subgraph's outbox published late, a recorder catching up) is
 *   redacted on its way in. Stores index the people each event names, so an erasure reads only their
 *   events, not the whole history.
 * - Redacted events stay valid against the catalogue and replay like any other: projections rebuild
 *   with the person as an anonymous participant. Redaction is idempotent; a repeated erasure (every
 *   deletion is announced again) changes nothing more.
 *
 * Outside the event store, the bus keeps its own copies as published until retention discards them,
 * and erasure does not reach them there. Redis Streams keep every event at least 24 hours
 * (`RedisEventBus` `retentionMs`), then trim it within minutes (`retentionIntervalMs`) once every
 * consumer group has acknowledged it; a consumer that is down holds it longer, and a dead letter stays
 * until an operator redrives it. The SQLite bus keeps events 7 days (trimmed hourly) on the same
 * terms. So an erased person's events outlive the erasure on the bus by about a day (a week on
 * SQLite) in normal operation. Each subgraph's outbox holds an event only until it is published.
 */
export const ERASURE_EVENT = "marketplace.user_deleted";

/** What an erased person's id becomes; followed by the HMAC's first 96 bits. */
export const PSEUDONYM_PREFIX = "deleted-user-";

/** A new store's salt for pseudonyms: random, never derived from anything. */
export const newPseudonymSalt = (): string => randomBytes(32).toString("hex");

/** Turns people's ids into their pseudonyms under one store's salt. */
export function pseudonymizer(salt: string): (personId: string) => string {
  return (personId) =>
    PSEUDONYM_PREFIX + createHmac("sha256", salt).update(personId).digest("hex").slice(0, 24);
}

/** The person an event erases: the subject of `marketplace.user_deleted`, else none. */
export function erasedBy(event: DomainEvent): string | undefined {
  return event.type === ERASURE_EVENT ? (event.payload as UserDeleted).userId : undefined;
}

/** An event as the store will keep it, and the people it still names (for the store's index). */
export interface AdmittedEvent {
  event: DomainEvent;
  people: string[];
}

/**
 * Takes out of an event on its way into the store the data of the people it erases or that were
 * erased before (`isErased` tells by pseudonym).
 */
export function admitForStorage(
  event: DomainEvent,
  pseudonymOf: (personId: string) => string,
  isErased: (pseudonym: string) => boolean,
): AdmittedEvent {
  const erasing = erasedBy(event);
  let admitted = event;
  const people: string[] = [];
  for (const person of peopleIn(event)) {
    const pseudonym = pseudonymOf(person);
    if (person === erasing || isErased(pseudonym)) admitted = withoutPerson(admitted, person, pseudonym);
    else people.push(person);
  }
  return { event: admitted, people };
}
