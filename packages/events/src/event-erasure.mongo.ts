import { isMongoDuplicateKey } from "@venta/store";
import type { ClientSession, Connection, mongo } from "mongoose";
import { aggregateOf, type DomainEvent, type EventType } from "./catalogue.js";
import { parsePayload } from "./delivery.js";
import {
  type AdmittedEvent,
  admitForStorage,
  ERASURE_EVENT,
  erasedBy,
  newPseudonymSalt,
  PSEUDONYM_PREFIX,
  pseudonymizer,
} from "./event-erasure.js";
import { peopleIn, TYPES_NAMING_PEOPLE, withoutPerson } from "./personal-data.js";

/** What erasure reads and rewrites of a stored event document. */
export interface ErasableDocument {
  _id: string;
  type: string;
  payload: string;
  occurredAt: string;
  aggregateType: string;
  aggregateId: string;
  /** The people the event names, for an erasure to find; absent from documents of older versions. */
  people?: string[];
}

interface ErasedDocument {
  /** The erased person's pseudonym. */
  _id: string;
  erasedAt: Date;
}

interface SettingDocument {
  _id: string;
  value: string;
}

const SALT = "pseudonym-salt";
/** Set once the documents stored before people were indexed have been indexed (and erasures honoured). */
const PEOPLE_INDEXED = "people-indexed";
/** Documents updated per round trip while indexing a store written by an older version. */
const INDEXING_BATCH = 1_000;

const toEvent = (doc: ErasableDocument): DomainEvent =>
  // Appended from validated events only: read back as they were.
  ({
    id: doc._id,
    type: doc.type as EventType,
    payload: parsePayload(doc.payload),
    occurredAt: doc.occurredAt,
  }) as DomainEvent;

/**
 * The event store's share of erasure in MongoDB (see event-erasure.ts): a `people` array on every
 * stored event, a collection of erased people's pseudonyms, and a settings collection with the
 * salt they are made with.
 */
export class MongoEventErasure {
  private readonly events: mongo.Collection<ErasableDocument>;
  private readonly erased: mongo.Collection<ErasedDocument>;
  private readonly settings: mongo.Collection<SettingDocument>;
  private pseudonyms: Promise<(personId: string) => string> | undefined;

  constructor(
    private readonly connection: Connection,
    collection: string,
  ) {
    const db = connection.db;
    if (!db) throw new Error("the MongoDB connection is not open yet");
    this.events = db.collection<ErasableDocument>(collection);
    this.erased = db.collection<ErasedDocument>(`${collection}_erased`);
    this.settings = db.collection<SettingDocument>(`${collection}_settings`);
  }

  /** The event as the store will keep it: see {@link admitForStorage}. */
  async admit(event: DomainEvent): Promise<AdmittedEvent> {
    const pseudonymOf = await this.pseudonymizer();
    const erased = await this.erasedAmong(peopleIn(event).map(pseudonymOf));
    return admitForStorage(event, pseudonymOf, (pseudonym) => erased.has(pseudonym));
  }

  /**
   * Redacts a document just stored if one of the people it names was erased since it was admitted.
   * An erasure remembers the person before its transaction starts, so either this sees them erased,
   * or the document was in place before that transaction began and the erasure redacted it.
   */
  async redactIfErasedSince(doc: ErasableDocument): Promise<void> {
    const pseudonymOf = await this.pseudonymizer();
    const people = doc.people ?? [];
    const erased = await this.erasedAmong(people.map(pseudonymOf));
    for (const personId of people)
      if (erased.has(pseudonymOf(personId))) await this.redact(personId, undefined, { _id: doc._id });
  }

  /**
   * Remembers the person as erased, then runs `store` (the erasure event's own write) and redacts
   * every stored event that names them, in one transaction. Remembering comes first and outside: an
   * event stored meanwhile by another process then either is seen by the transaction or sees the
   * person erased (see {@link redactIfErasedSince}). Needs a replica set, as the outbox does.
   */
  async erase<R>(personId: string, store: (session: ClientSession) => Promise<R>): Promise<R> {
    const pseudonymOf = await this.pseudonymizer();
    await this.erased.updateOne(
      { _id: pseudonymOf(personId) },
      { $setOnInsert: { erasedAt: new Date() } },
      { upsert: true },
    );
    return this.connection.transaction(async (session) => {
      const result = await store(session);
      await this.redact(personId, session);
      return result;
    });
  }

  /**
   * Brings a collection written before people were indexed up to date: indexes its documents, then
   * honours the erasures it already holds, which that version stored without redacting anything.
   * Run by the event store's baseline migration.
   */
  async indexStoredEvents(): Promise<void> {
    if (await this.settings.findOne({ _id: PEOPLE_INDEXED })) return;
    let batch: mongo.AnyBulkWriteOperation<ErasableDocument>[] = [];
    const unindexed = this.events.find({
      people: { $exists: false },
      type: { $in: [...TYPES_NAMING_PEOPLE] },
    });
    for await (const doc of unindexed) {
      const people = peopleIn(toEvent(doc));
      batch.push({ updateOne: { filter: { _id: doc._id }, update: { $set: { people } } } });
      if (batch.length === INDEXING_BATCH) {
        await this.events.bulkWrite(batch, { ordered: false });
        batch = [];
      }
    }
    if (batch.length > 0) await this.events.bulkWrite(batch, { ordered: false });
    // Read apart from the indexing, so a run cut short after it still finds them next time.
    const unredacted = await this.events
      .find({ type: ERASURE_EVENT, aggregateId: { $not: new RegExp(`^${PSEUDONYM_PREFIX}`) } })
      .toArray();
    for (const doc of unredacted) {
      const erasing = erasedBy(toEvent(doc));
      if (erasing !== undefined) await this.erase(erasing, async () => undefined);
    }
    await this.settings.updateOne({ _id: PEOPLE_INDEXED }, { $set: { value: "1" } }, { upsert: true });
  }

  /** Redacts the stored events (all, or those `among`) that name the person or are filed under them. */
  private async redact(
    personId: string,
    session: ClientSession | undefined,
    among: mongo.Filter<ErasableDocument> = {},
  ): Promise<void> {
    const pseudonym = (await this.pseudonymizer())(personId);
    const docs = await this.events
      .find(
        { ...among, $or: [{ people: personId }, { aggregateType: "user", aggregateId: personId }] },
        { session },
      )
      .toArray();
    for (const doc of docs) {
      const redacted = withoutPerson(toEvent(doc), personId, pseudonym);
      const aggregate = aggregateOf(redacted);
      await this.events.updateOne(
        { _id: doc._id },
        {
          $set: {
            payload: JSON.stringify(redacted.payload),
            aggregateType: aggregate.type,
            aggregateId: aggregate.id,
          },
          $pull: { people: personId },
        },
        { session },
      );
    }
  }

  private async erasedAmong(pseudonyms: readonly string[]): Promise<Set<string>> {
    if (pseudonyms.length === 0) return new Set();
    const found = await this.erased
      .find({ _id: { $in: [...pseudonyms] } }, { projection: { _id: 1 } })
      .toArray();
    return new Set(found.map((doc) => doc._id));
  }

  /** The first use picks the salt if no process has yet; every later one reads the same. */
  private pseudonymizer(): Promise<(personId: string) => string> {
    this.pseudonyms ??= this.salt().then(pseudonymizer, (error: unknown) => {
      this.pseudonyms = undefined;
      throw error;
    });
    return this.pseudonyms;
  }

  private async salt(): Promise<string> {
    try {
      const doc = await this.settings.findOneAndUpdate(
        { _id: SALT },
        { $setOnInsert: { value: newPseudonymSalt() } },
        { upsert: true, returnDocument: "after" },
      );
      if (doc) return doc.value;
    } catch (error) {
      // Another process inserted it at the same moment: read theirs.
      if (!isMongoDuplicateKey(error)) throw error;
    }
    const doc = await this.settings.findOne({ _id: SALT });
    if (!doc) throw new Error("the event store has no pseudonym salt");
    return doc.value;
  }
}
