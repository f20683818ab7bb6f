import { createHash } from "node:crypto";
import type { IncomingHttpHeaders } from "node:http";
import type { DomainEvent, EventPayload, EventType } from "@venta/events";
import type { InboundEventRecord } from "./inbound-event.record.js";

/** The request does not come from the provider, or is not one of its events: a 400, nothing stored. */
export class UnverifiedWebhookError extends Error {
  override name = "UnverifiedWebhookError";
}

/** A verified event: what identifies it among the provider's events. */
export interface VerifiedWebhook {
  eventId: string;
  type: string;
}

/** Checks that a request comes from the provider, before anything about it is stored. */
export type WebhookVerifier = (body: Buffer, headers: IncomingHttpHeaders) => VerifiedWebhook;

/** What processing an event did: domain events to announce, or nothing, and why. */
export type HandledWebhook =
  | { status: "PROCESSED"; events: readonly DomainEvent[] }
  | { status: "IGNORED"; reason: string };

/** A failure that repeats however often it is retried (a malformed payload, say): FAILED at once. */
export class PermanentWebhookError extends Error {
  override name = "PermanentWebhookError";
}

/** Processes one stored event of a provider; throws to be retried, or a {@link PermanentWebhookError}. */
export type WebhookHandler = (event: InboundEventRecord) => Promise<HandledWebhook>;

/**
 * A domain event whose id is derived from `key` (a UUID-shaped SHA-256 of it), not drawn at random:
 * processing an inbound event again, or another provider event about the same fact (the same
 * payment), makes the same id, so the store announces it once and consumers can tell a repeat.
 */
export function derivedEvent<T extends EventType>(
  key: string,
  type: T,
  payload: EventPayload<T>,
  occurredAt: Date,
): DomainEvent<T> {
  const hex = createHash("sha256").update(`${type}\u0000${key}`).digest("hex");
  // Version 5 and the RFC 4122 variant, so the id is a well-formed name-based UUID.
  const variant = ((Number.parseInt(hex.slice(16, 17), 16) & 0x3) | 0x8).toString(16);
  const id = `${hex.slice(0, 8)}-${hex.slice(8, 12)}-5${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
  return { id, type, payload, occurredAt: occurredAt.toISOString() };
}

/** The single value of a header, or undefined when absent or repeated. */
export function headerValue(headers: IncomingHttpHeaders, name: string): string | undefined {
  const value = headers[name];
  return typeof value === "string" ? value : undefined;
}

/** The body as JSON, or a permanent failure: a stored body that does not parse (or was removed) never will. */
export function parseBody(event: InboundEventRecord): unknown {
  if (event.body === null) throw new PermanentWebhookError("the body was removed");
  try {
    return JSON.parse(event.body) as unknown;
  } catch {
    throw new PermanentWebhookError("the body is not JSON");
  }
}
