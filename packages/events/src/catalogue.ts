import { z } from "zod";

/** The vendor attributes other subgraphs may project; `version` orders snapshots of one vendor. */
export const vendorSnapshot = z.object({
  vendorId: z.string().min(1),
  name: z.string(),
  cuisines: z.array(z.string()),
  status: z.enum(["OPEN", "CLOSED"]),
  /** The account that manages the vendor. */
  ownerId: z.string().min(1).optional(),
  version: z.number().int().nonnegative(),
  updatedAt: z.string(),
});
export type VendorSnapshot = z.infer<typeof vendorSnapshot>;

export const vendorLocationUpdated = z.object({
  vendorId: z.string().min(1),
  lat: z.number(),
  lng: z.number(),
  accuracyMeters: z.number().nullable(),
  heading: z.number().nullable(),
  recordedAt: z.string(),
});
export type VendorLocationUpdated = z.infer<typeof vendorLocationUpdated>;

export const userRegistered = z.object({
  userId: z.string().min(1),
  displayName: z.string(),
  registeredAt: z.string(),
});
export type UserRegistered = z.infer<typeof userRegistered>;

/**
 * Every domain event, by name. Names are `<subgraph>.<what happened>` in the past tense; a payload
 * only ever gains optional fields, so old consumers keep working.
 */
export const eventCatalogue = {
  "marketplace.user_registered": userRegistered,
  "marketplace.vendor_created": vendorSnapshot,
  "marketplace.vendor_updated": vendorSnapshot,
  "location.vendor_location_updated": vendorLocationUpdated,
} as const;

export type EventType = keyof typeof eventCatalogue;
export type EventPayload<T extends EventType> = z.infer<(typeof eventCatalogue)[T]>;

export interface DomainEvent<T extends EventType = EventType> {
  /** Unique per event: consumers use it to ignore a redelivery. */
  id: string;
  type: T;
  payload: EventPayload<T>;
  occurredAt: string;
}

export function isEventType(type: string): type is EventType {
  return Object.hasOwn(eventCatalogue, type);
}

/** Rebuilds an event read from the wire, rejecting unknown types and malformed payloads. */
export function parseEvent(raw: {
  id: string;
  type: string;
  payload: unknown;
  occurredAt: string;
}): DomainEvent {
  if (!isEventType(raw.type)) throw new Error(`unknown event type ${raw.type}`);
  const payload = eventCatalogue[raw.type].parse(raw.payload);
  return { id: raw.id, type: raw.type, payload, occurredAt: raw.occurredAt } as DomainEvent;
}
