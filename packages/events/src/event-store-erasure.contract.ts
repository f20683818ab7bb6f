import { afterEach, describe, expect, it } from "vitest";
import {
  type DomainEvent,
  type GeofenceTriggered,
  type MessageSent,
  parseEvent,
  type UserDeleted,
  type UserRegistered,
  type VendorSnapshot,
} from "./catalogue.js";
import {
  ANN,
  BOB,
  CAROL,
  erasureHistory,
  holdsZelda,
  lateMessageToZelda,
  ZELDA,
} from "./event-erasure.harness.js";
import { PSEUDONYM_PREFIX } from "./event-erasure.js";
import type { EventStore, StoredEvent } from "./event-store.js";
import { newEvent } from "./outbox.js";
import { ERASED_NAME, peopleIn } from "./personal-data.js";
import type { Projection } from "./projection.js";
import { replayProjection } from "./replay.js";

/** Every text value the adapter keeps, read from its storage directly, not through the port. */
export type EveryText = (store: EventStore) => Promise<string[]>;

const everything = async (store: EventStore) => (await store.query({}, 10_000)).events;

const byId = (stored: StoredEvent[]) => new Map(stored.map((s) => [s.event.id, s]));

const erasureOf = (personId: string) =>
  newEvent("marketplace.user_deleted", { userId: personId, at: new Date().toISOString() });

/** The pseudonym an erasure gave the person: what its own stored event says now. */
const pseudonymIn = (stored: StoredEvent[], erasure: DomainEvent) => {
  const kept = stored.find((s) => s.event.id === erasure.id);
  if (!kept) throw new Error("the erasure was not stored");
  return (kept.event.payload as UserDeleted).userId;
};

/** People's names and favorites, keyed by person, as a projection over the event store would keep them. */
function namesAndFavorites(): Projection & { names: Map<string, string>; favorites: Set<string> } {
  const names = new Map<string, string>();
  const favorites = new Set<string>();
  return {
    name: "test.names-and-favorites",
    types: ["marketplace.user_registered", "marketplace.favorite_added"],
    names,
    favorites,
    reset: async () => {
      names.clear();
      favorites.clear();
    },
    apply: async (event) => {
      // As a consumer reading the wire would: a redacted payload must still be a valid one.
      const valid = parseEvent(event);
      if (valid.type === "marketplace.user_registered") {
        const { userId, displayName } = valid.payload as UserRegistered;
        names.set(userId, displayName);
      } else {
        const { userId, vendorId } = valid.payload as { userId: string; vendorId: string };
        favorites.add(`${userId}:${vendorId}`);
      }
    },
  };
}

/** How every event store honours a person's erasure; run by the event store contract. */
export function eventStoreErasureContract(
  name: string,
  open: () => Promise<EventStore>,
  everyText: EveryText,
): void {
  describe(`${name} event store erasure`, () => {
    const opened: EventStore[] = [];
    afterEach(async () => {
      await Promise.all(opened.splice(0).map((s) => s.close()));
    });

    /** Zelda's history recorded event by event, as the recorder does, then her erasure. */
    async function erased() {
      const store = await open();
      opened.push(store);
      const { history, erasure } = erasureHistory();
      for (const event of history) await store.append([event]);
      const before = await everything(store);
      const textBefore = await everyText(store);
      expect(await store.append([erasure])).toBe(1);
      const after = await everything(store);
      return { store, history, erasure, before, textBefore, after, pseudonym: pseudonymIn(after, erasure) };
    }

    it("keeps nothing of the person anywhere in its storage once they are erased", async () => {
      const { store, textBefore, after } = await erased();
      expect(textBefore.filter(holdsZelda).length).toBeGreaterThan(0); // the scan does see her before
      expect((await everyText(store)).filter(holdsZelda)).toEqual([]);
      expect(after.filter((stored) => holdsZelda(JSON.stringify(stored)))).toEqual([]);
      expect((await store.eventsFor("user", ZELDA.id, 100)).events).toEqual([]);
    });

    it("leaves the events of everyone else exactly as they were", async () => {
      const { before, after } = await erased();
      const others = before.filter((stored) => !peopleIn(stored.event).includes(ZELDA.id));
      expect(others.length).toBeGreaterThan(5);
      const kept = byId(after);
      for (const stored of others) expect(kept.get(stored.event.id)).toEqual(stored);
      expect(after.map((s) => s.position)).toEqual([...before.map((s) => s.position), expect.any(Number)]);
    });

    it("files the person's own events under one pseudonym, redacted and still valid events", async () => {
      const { store, after, pseudonym } = await erased();
      expect(pseudonym.startsWith(PSEUDONYM_PREFIX)).toBe(true);
      const own = await store.eventsFor("user", pseudonym, 100);
      expect(own.events.map((s) => s.event.type)).toEqual([
        "marketplace.user_registered",
        "marketplace.favorite_added",
        "marketplace.points_earned",
        "marketplace.notification_preferences_changed",
        "marketplace.user_deleted",
      ]);
      for (const { event } of after) expect(parseEvent(event)).toEqual(event);

      const payloads = (type: DomainEvent["type"]) =>
        after.filter((s) => s.event.type === type).map((s) => s.event.payload);
      expect(payloads("marketplace.user_registered")).toContainEqual(
        expect.objectContaining({ userId: pseudonym, displayName: ERASED_NAME }),
      );
      const alert = (payloads("location.geofence_triggered") as GeofenceTriggered[]).find(
        (p) => p.fenceKind === "ALERT_ZONE",
      );
      expect(alert).toMatchObject({ ownerId: pseudonym, vendorId: "vendor-tacos" });
      expect(alert).not.toHaveProperty("fenceCenter");
      // A conversation keeps who the other side was and that messages were sent, not what they said.
      const conversation = (payloads("communication.message_sent") as MessageSent[]).filter(
        (p) => p.conversationId === "conversation-zelda",
      );
      expect(
        conversation.map(({ senderId, recipientId, preview }) => ({ senderId, recipientId, preview })),
      ).toEqual([
        { senderId: pseudonym, recipientId: BOB.id, preview: "" },
        { senderId: BOB.id, recipientId: pseudonym, preview: "" },
      ]);
      expect(payloads("communication.ticket_updated")).toEqual([
        expect.objectContaining({ requesterId: pseudonym, assigneeId: ANN.id, actorId: ANN.id }),
      ]);
      expect(payloads("marketplace.notification_preferences_changed")).toEqual([
        expect.objectContaining({ userId: pseudonym, preferences: [] }),
      ]);
    });

    it("redacts an event naming the person that arrives after the erasure", async () => {
      const { store, history, pseudonym } = await erased();
      const late = lateMessageToZelda();
      expect(await store.append([late, history[0] as DomainEvent])).toBe(1);
      const stored = (await everything(store)).find((s) => s.event.id === late.id);
      expect(stored?.event.payload).toMatchObject({ senderId: BOB.id, recipientId: pseudonym, preview: "" });
      expect((await everyText(store)).filter(holdsZelda)).toEqual([]);
    });

    it("changes nothing more when the erasure is delivered or announced again", async () => {
      const { store, erasure, after, pseudonym } = await erased();
      expect(await store.append([erasure])).toBe(0);
      const again = erasureOf(ZELDA.id);
      expect(await store.append([again])).toBe(1);
      const now = await everything(store);
      expect(now.slice(0, -1)).toEqual(after);
      expect(now.at(-1)).toMatchObject({ aggregateType: "user", aggregateId: pseudonym });
    });

    it("erases a second person from events that already carry the first one's pseudonym", async () => {
      const { store, pseudonym } = await erased();
      const bobErased = erasureOf(BOB.id);
      await store.append([bobErased]);
      const now = await everything(store);
      const bob = pseudonymIn(now, bobErased);
      expect(bob).not.toBe(pseudonym);
      expect(now.filter((s) => JSON.stringify(s).includes(BOB.id))).toEqual([]);
      const messages = now.map((s) => s.event.payload as MessageSent).filter((p) => p.messageId);
      expect(messages.map(({ senderId, recipientId }) => [senderId, recipientId])).toEqual([
        [pseudonym, bob],
        [bob, pseudonym],
        [CAROL.id, bob],
      ]);
      const vendor = now.find((s) => s.event.type === "marketplace.vendor_created")?.event.payload;
      expect((vendor as VendorSnapshot).ownerId).toBe(bob);
    });

    it("replays projections of people's names and favorites from the redacted history", async () => {
      const { store } = await erased();
      const projection = namesAndFavorites();
      const report = await replayProjection({ store, projection });
      expect(report.applied).toBe(5);
      const names = Object.fromEntries(projection.names);
      expect(Object.values(names)).toEqual([ERASED_NAME, CAROL.name, BOB.name]);
      expect(names[ZELDA.id]).toBeUndefined();
      // Erased people stay distinct: a count of who favorited a vendor does not change.
      expect(projection.favorites.size).toBe(2);
      expect(projection.favorites.has(`${CAROL.id}:vendor-tacos`)).toBe(true);
    });
  });
}
