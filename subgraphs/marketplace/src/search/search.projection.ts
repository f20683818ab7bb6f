import {
  type Consumption,
  type DomainEvent,
  type EventBus,
  type EventPayload,
  type EventType,
  eventTime,
  followProjection,
  openHoursOf,
  type Projection,
} from "@venta/events";
import type { Logger } from "@venta/kit";
import { TRENDING_WINDOW_MS } from "./ranking.js";
import { favoriteActivityKey, type PositionEntry } from "./search.record.js";
import type { SearchIndex } from "./search.store.js";

export const SEARCH_CONSUMER = "marketplace.search-index";

export const SEARCH_EVENTS = [
  "marketplace.vendor_created",
  "marketplace.vendor_updated",
  "marketplace.menu_updated",
  "marketplace.rating_changed",
  "location.vendor_location_updated",
  "marketplace.favorite_added",
  "marketplace.review_submitted",
  "marketplace.review_moderated",
  "marketplace.schedule_updated",
  "marketplace.user_deleted",
] as const satisfies readonly EventType[];

type SearchEvent = (typeof SEARCH_EVENTS)[number];
const payloadOf = <T extends SearchEvent>(event: DomainEvent, _type: T) => event.payload as EventPayload<T>;

/**
 * Applies one event to the index; false when it changed nothing (stale, redelivered or unusable).
 * Every write is conditional on the data being newer, so applying an event twice, or an old one
 * late, leaves the index as it was.
 */
export async function applySearchEvent(
  index: SearchIndex,
  event: DomainEvent,
  now: () => Date = () => new Date(),
): Promise<boolean> {
  switch (event.type) {
    case "marketplace.vendor_created":
    case "marketplace.vendor_updated": {
      const s = payloadOf(event, "marketplace.vendor_updated");
      return index.applyVendor({
        vendorId: s.vendorId,
        name: s.name,
        cuisines: s.cuisines,
        status: s.status,
        description: s.description,
        verification: s.verification,
        version: s.version,
      });
    }
    case "marketplace.menu_updated": {
      const menu = payloadOf(event, "marketplace.menu_updated");
      const updatedAt = eventTime(menu.updatedAt);
      if (!updatedAt) return false;
      const items = menu.items.map(({ name, description }) => ({ name, description }));
      return index.applyMenu({ vendorId: menu.vendorId, items, updatedAt });
    }
    case "marketplace.rating_changed": {
      const rating = payloadOf(event, "marketplace.rating_changed");
      const updatedAt = eventTime(rating.updatedAt);
      if (!updatedAt) return false;
      const { vendorId, average, count } = rating;
      return index.applyRating({ vendorId, average, count, updatedAt });
    }
    case "location.vendor_location_updated": {
      const position = positionOf(event);
      return position ? index.applyPosition(position) : false;
    }
    case "marketplace.favorite_added": {
      const favorite = payloadOf(event, "marketplace.favorite_added");
      const at = eventTime(favorite.at);
      if (!at) return false;
      return index.recordActivity(
        {
          key: favoriteActivityKey(favorite.userId, favorite.vendorId),
          vendorId: favorite.vendorId,
          kind: "FAVORITE",
          at,
        },
        new Date(now().getTime() - TRENDING_WINDOW_MS),
      );
    }
    case "marketplace.review_submitted": {
      const review = payloadOf(event, "marketplace.review_submitted");
      const at = eventTime(review.submittedAt);
      // A review held for moderation counts only once a moderator approves it (below).
      if (!at || review.status !== "PUBLISHED") return false;
      // Keyed by review: an edit is submitted again, but it is still one review.
      return index.recordActivity(
        { key: `review:${review.reviewId}`, vendorId: review.vendorId, kind: "REVIEW", at },
        new Date(now().getTime() - TRENDING_WINDOW_MS),
      );
    }
    case "marketplace.review_moderated": {
      const decision = payloadOf(event, "marketplace.review_moderated");
      const at = eventTime(decision.at);
      if (!at || decision.decision !== "APPROVED") return false;
      return index.recordActivity(
        { key: `review:${decision.reviewId}`, vendorId: decision.vendorId, kind: "REVIEW", at },
        new Date(now().getTime() - TRENDING_WINDOW_MS),
      );
    }
    case "marketplace.schedule_updated": {
      const hours = openHoursOf(payloadOf(event, "marketplace.schedule_updated"));
      return hours ? index.applyOpenHours(hours) : false;
    }
    case "marketplace.user_deleted": {
      // The account's erasure already detached the person's favorites (SearchPersonalData). This
      // catches the ones it could not see yet: favorites announced just before the deletion and
      // applied after it, which the bus delivers ahead of this event, and a replay, where the event
      // store hands back the person's favorites and erasure under one pseudonym.
      return (await index.anonymizeActivityOf(payloadOf(event, "marketplace.user_deleted").userId)) > 0;
    }
    default:
      return false;
  }
}

/** A position report as the index keeps it; undefined when its time is unusable. */
function positionOf(event: DomainEvent): PositionEntry | undefined {
  const position = payloadOf(event, "location.vendor_location_updated");
  const recordedAt = eventTime(position.recordedAt);
  if (!recordedAt) return undefined;
  const { vendorId, lat, lng } = position;
  return { vendorId, lat, lng, recordedAt };
}

/**
 * Applies a batch of events in order, as {@link applySearchEvent} would one by one, but each run of
 * position reports (most of the traffic: location sends hundreds a second) in one write. Positions
 * touch nothing other events do, so grouping a run keeps the outcome. Returns how many changed the index.
 */
export async function applySearchEvents(
  index: SearchIndex,
  events: readonly DomainEvent[],
  now: () => Date = () => new Date(),
): Promise<number> {
  let changed = 0;
  let positions: PositionEntry[] = [];
  const flush = async () => {
    if (positions.length > 0) changed += await index.applyPositions(positions);
    positions = [];
  };
  for (const event of events) {
    if (event.type === "location.vendor_location_updated") {
      const position = positionOf(event);
      if (position) positions.push(position);
      continue;
    }
    await flush();
    if (await applySearchEvent(index, event, now)) changed += 1;
  }
  await flush();
  return changed;
}

/**
 * Keeps the search index: vendor snapshots, menus, ratings and published opening hours from
 * marketplace's own events, positions from location's, favorites and reviews for trending, erasures to
 * detach a deleted person's favorites from them. A consumer seen for the first time
 * reads the whole retained log, so a fresh index catches up with everything published before it.
 */
export function followSearchEvents(
  bus: EventBus,
  index: SearchIndex,
  log: Logger,
  now: () => Date = () => new Date(),
): Consumption {
  return followProjection(bus, searchProjection(index, log, now));
}

/** The search index as a projection: what the bus feeds live, and what a replay rebuilds. */
export function searchProjection(
  index: SearchIndex,
  log: Logger,
  now: () => Date = () => new Date(),
): Projection {
  return {
    name: SEARCH_CONSUMER,
    types: SEARCH_EVENTS,
    reset: () => index.clear(),
    apply: async (event) => {
      const applied = await applySearchEvent(index, event, now);
      log.debug({ type: event.type, eventId: event.id, applied }, "search index");
    },
    applyAll: async (events) => {
      const changed = await applySearchEvents(index, events, now);
      log.debug({ events: events.length, changed }, "search index");
    },
  };
}
