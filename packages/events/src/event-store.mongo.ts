import { isMongoDuplicateKey, pageLimit, pageOf } from "@venta/store";
import type { ClientSession, Connection, mongo } from "mongoose";
import { type AggregateType, aggregateOf, type DomainEvent, type EventType } from "./catalogue.js";
import { parsePayload } from "./delivery.js";
import { type AdmittedEvent, erasedBy } from "./event-erasure.js";
import { type ErasableDocument, MongoEventErasure } from "./event-erasure.mongo.js";
import type { EventQuery, EventStore, StoredEvent, StoredEventPage } from "./event-store.js";
import { EVENT_STORE_COLLECTION } from "./migrations/event-store/001-baseline.mongo.js";

interface StoredDocument extends ErasableDocument {
  /** The event's id: appending it again is refused by the primary key. */
  _id: string;
  position: number;
  type: string;
  /** As JSON text, so the event reads back exactly as published. */
  payload: string;
  /** ISO 8601 in UTC, as published: compares by time as text. */
  occurredAt: string;
  aggregateType: string;
  aggregateId: string;
  recordedAt: Date;
}

interface CounterDocument {
  _id: string;
  position: number;
}

const toStored = (doc: StoredDocument): StoredEvent => ({
  position: doc.position,
  // Appended from validated events only: read back as they were.
  event: {
    id: doc._id,
    type: doc.type as EventType,
    payload: parsePayload(doc.payload),
    occurredAt: doc.occurredAt,
  } as DomainEvent,
  aggregateType: doc.aggregateType as AggregateType,
  aggregateId: doc.aggregateId,
});

const toDocument = ({ event, people }: AdmittedEvent, position: number, recordedAt: Date): StoredDocument => {
  const aggregate = aggregateOf(event);
  return {
    _id: event.id,
    position,
    type: event.type,
    payload: JSON.stringify(event.payload),
    occurredAt: event.occurredAt,
    aggregateType: aggregate.type,
    aggregateId: aggregate.id,
    people,
    recordedAt,
  };
};

/**
 * The event store in a MongoDB collection. Positions come from a counter document, reserved with an
 * atomic `$inc` per batch, so appends from several processes never share one. Appending an erasure
 * redacts the person's stored events in one transaction (see event-erasure.ts), which needs a
 * replica set, as the outbox does. Its indexes come from `eventStoreMigrations.mongo`, run first.
 */
export class MongoEventStore implements EventStore {
  private readonly events: mongo.Collection<StoredDocument>;
  private readonly counters: mongo.Collection<CounterDocument>;
  /** The counter document of this collection's positions. */
  private readonly counter: string;
  private readonly erasure: MongoEventErasure;

  constructor(private readonly connection: Connection) {
    const collection = EVENT_STORE_COLLECTION;
    const db = connection.db;
    if (!db) throw new Error("the MongoDB connection is not open yet");
    this.events = db.collection<StoredDocument>(collection);
    this.counters = db.collection<CounterDocument>(`${collection}_counters`);
    this.counter = collection;
    this.erasure = new MongoEventErasure(connection, collection);
  }

  async append(events: readonly DomainEvent[]): Promise<number> {
    if (events.length === 0) return 0;
    const reserved = await this.counters.findOneAndUpdate(
      { _id: this.counter },
      { $inc: { position: events.length } },
      { upsert: true, returnDocument: "after" },
    );
    const last = reserved?.position ?? events.length;
    const recordedAt = new Date();
    let added = 0;
    for (const [index, event] of events.entries()) {
      const doc = toDocument(await this.erasure.admit(event), last - events.length + 1 + index, recordedAt);
      const erasing = erasedBy(event);
      // Again on a redelivery: it changes nothing more, and finishes an erasure whose transaction failed.
      if (erasing !== undefined) {
        if (await this.erasure.erase(erasing, (session) => this.insertOnce(doc, session))) added += 1;
      } else if (await this.insertOnce(doc)) {
        added += 1;
        await this.erasure.redactIfErasedSince(doc);
      }
    }
    return added;
  }

  /** Stores the document unless the event is there already; true when it was new. */
  private async insertOnce(doc: StoredDocument, session?: ClientSession): Promise<boolean> {
    if (session) {
      // A refused insert would abort the transaction: upsert, which leaves an existing event alone.
      const { _id, ...fields } = doc;
      const { upsertedCount } = await this.events.updateOne(
        { _id },
        { $setOnInsert: fields },
        { upsert: true, session },
      );
      return upsertedCount > 0;
    }
    try {
      await this.events.insertOne(doc);
      return true;
    } catch (error) {
      if (!isMongoDuplicateKey(error)) throw error;
      return false;
    }
  }

  async eventsFor(
    aggregateType: AggregateType,
    aggregateId: string,
    first: number,
    afterPosition = 0,
  ): Promise<StoredEventPage> {
    return this.page({ aggregateType, aggregateId, position: { $gt: afterPosition } }, first);
  }

  async query(query: EventQuery, first: number, afterPosition = 0): Promise<StoredEventPage> {
    const filter: mongo.Filter<StoredDocument> = { position: { $gt: afterPosition } };
    if (query.types) filter.type = { $in: [...query.types] };
    if (query.from || query.to) {
      filter.occurredAt = {
        ...(query.from ? { $gte: query.from.toISOString() } : {}),
        ...(query.to ? { $lt: query.to.toISOString() } : {}),
      };
    }
    return this.page(filter, first);
  }

  private async page(filter: mongo.Filter<StoredDocument>, first: number): Promise<StoredEventPage> {
    const docs = await this.events.find(filter).sort({ position: 1 }).limit(pageLimit(first)).toArray();
    const { records, hasNextPage } = pageOf(docs, first, toStored);
    return { events: records, hasNextPage };
  }

  async ping(): Promise<void> {
    await this.connection.db?.admin().ping();
  }

  async close(): Promise<void> {
    await this.connection.close();
  }
}
