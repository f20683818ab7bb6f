/** The services that call us. */
export type InboundProvider = "CLERK" | "STRIPE" | "REVENUECAT";
export const INBOUND_PROVIDERS: readonly InboundProvider[] = ["CLERK", "STRIPE", "REVENUECAT"];

/**
 * PENDING: stored, waiting to be processed (again); PROCESSED: done; IGNORED: verified and kept,
 * but of a type Venta does nothing with; FAILED: processing gave up, waiting for an admin's retry.
 */
export type InboundEventStatus = "PENDING" | "PROCESSED" | "IGNORED" | "FAILED";

/** A verified event from a provider, kept as it arrived: one per provider and provider event id. */
export interface InboundEventRecord {
  /** `<provider>:<provider event id>`, lower-case provider: unique. */
  id: string;
  provider: InboundProvider;
  /** The provider's id of the event (Svix message id for Clerk, `evt_…` for Stripe, RevenueCat's event id). */
  eventId: string;
  /** The provider's event type, such as `user.created` or `RENEWAL`. */
  type: string;
  /**
   * The body exactly as received and verified; null once removed: when the person it is about is
   * erased, or some days after it was PROCESSED or IGNORED (see `InboundEventsStore`).
   */
  body: string | null;
  /**
   * The Venta person the event is about (see `subjectUserIdOf`), noted at receipt so that their
   * account's deletion finds it; null when it names nobody, and once the body is removed.
   */
  subjectUserId: string | null;
  receivedAt: Date;
  status: InboundEventStatus;
  /** Processing attempts so far (an admin's retry starts a fresh count). */
  attempts: number;
  /** When a PENDING event may be processed next (a processor holding it pushes this by its lease); null otherwise. */
  nextAttemptAt: Date | null;
  /** The last failure, or why the event was IGNORED, in a sentence; null once processed. */
  lastError: string | null;
  /** When it was PROCESSED or IGNORED. */
  processedAt: Date | null;
}

export const inboundEventId = (provider: InboundProvider, eventId: string) =>
  `${provider.toLowerCase()}:${eventId}`;

/** Position in the newest-first (receivedAt, id) order inbound event lists page through. */
export interface InboundEventListKey {
  receivedAt: Date;
  id: string;
}
