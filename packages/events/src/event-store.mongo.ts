import { mongoDuplicateWrites, pageLimit, pageOf } from "@venta/store";
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
    let run: StoredDocument[] = [];
    const flush = async () => {
      const inserted = await this.insertNew(run);
      run = [];
      added += inserted.length;
      for (const doc of inserted) await this.erasure.redactIfErasedSince(doc);
    };
    for (const [index, event] of events.entries()) {
      const doc = toDocument(await this.erasure.admit(event), last - events.length + 1 + index, recordedAt);
      const erasing = erasedBy(event);
      if (erasing === undefined) {
        run.push(doc);
        continue;
      }
      // The events before an erasure are stored first, so that it redacts them too.
      await flush();
      // Again on a redelivery: it changes nothing more, and finishes an erasure whose transaction failed.
      if (await this.erasure.erase(erasing, (session) => this.insertOnce(doc, session))) added += 1;
    }
    await flush();
    return added;
  }

  /**
   * Stores the documents whose events are not there yet, in one round trip; returns those it stored.
   * Unordered, so that an event already stored (a redelivery) does not stop the ones after it: the
   * order is in the positions, reserved beforehand.
   */
  private async insertNew(docs: StoredDocument[]): Promise<StoredDocument[]> {
    if (docs.length === 0) return [];
    try {
      await this.events.insertMany(docs, { ordered: false });
      return docs;
    } catch (error) {
      const duplicates = mongoDuplicateWrites(error);
      if (!duplicates) throw error;
      return docs.filter((_, index) => !duplicates.has(index));
    }
  }

  /** Stores the erasure's own document in its transaction, unless it is there already; true when it was new. */
  private async insertOnce(doc: StoredDocument, session: ClientSession): Promise<boolean> {
    // A refused insert would abort the transaction: upsert, which leaves an existing event alone.
    const { _id, ...fields } = doc;
    const { upsertedCount } = await this.events.updateOne(
      { _id },
      { $setOnInsert: fields },
      { upsert: true, session },
    );
    return upsertedCount > 0;
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
