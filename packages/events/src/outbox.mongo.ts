import { isMongoDuplicateKey } from "@venta/store";
import { type ClientSession, type Connection, type mongo, Types } from "mongoose";
import type { DomainEvent, EventType } from "./catalogue.js";
import { parsePayload } from "./delivery.js";
import { type Announce, CommitSignal, type Outbox } from "./outbox.js";

interface OutboxDocument {
  /** The event's id: recording the same event twice is refused. */
  _id: string;
  /** Write order within a process (an ObjectId grows with time, then with a per-process counter). */
  seq: Types.ObjectId;
  type: string;
  /** As JSON text, not BSON: the driver would turn an `undefined` field into `null`. */
  payload: string;
  occurredAt: string;
  /** The producer's W3C trace context; absent on untraced (and older) events. */
  traceparent?: string;
}

interface LeaseDocument {
  _id: string;
  owner: string;
  expiresAt: Date;
}

/** The single relay lease of an outbox. */
const LEASE = "relay";

/**
 * The outbox of a subgraph's MongoDB database: a collection written with the session of the
 * caller's transaction, so an event commits with the write it announces or not at all.
 *
 * Multi-document transactions need a replica set (a single-node one will do: `mongod --replSet rs0`
 * then `rs.initiate()`); on a standalone server every write that records events fails.
 *
 * Events of one process are published in the order they were written. Writes of different
 * processes interleave by time; a transaction that commits late may have its event published after
 * one written later: consumers order by the versions and times in the payloads, as they must anyway
 * for redeliveries.
 *
 * Its index is `outboxMigrations`' (the collection has no model); the lease collection is read by
 * `_id` alone and needs none of its own.
 */
export class MongoOutbox implements Outbox {
  private readonly signal = new CommitSignal();
  /** Sessions whose transaction recorded events: the relay is woken once they commit. */
  private readonly recorded = new WeakSet<ClientSession>();

  constructor(
    private readonly connection: Connection,
    /** The events' collection; the relay lease lives in `<collection>_leases`. */
    readonly collection = "outbox",
  ) {}

  // Looked up on use, so the stores of a subgraph can be assembled before the connection opens.
  private get events(): mongo.Collection<OutboxDocument> {
    return this.database().collection<OutboxDocument>(this.collection);
  }

  private get leases(): mongo.Collection<LeaseDocument> {
    return this.database().collection<LeaseDocument>(`${this.collection}_leases`);
  }

  private database(): mongo.Db {
    const db = this.connection.db;
    if (!db) throw new Error("the MongoDB connection is not open yet");
    return db;
  }

  /** Records events with `session`, which must be in a transaction (see {@link transaction}). */
  async add(events: readonly DomainEvent[], session: ClientSession): Promise<void> {
    if (events.length === 0) return;
    await this.events.insertMany(
      events.map((event) => ({
        _id: event.id,
        seq: new Types.ObjectId(),
        type: event.type,
        payload: JSON.stringify(event.payload),
        occurredAt: event.occurredAt,
        ...(event.traceparent ? { traceparent: event.traceparent } : {}),
      })),
      { session },
    );
    this.recorded.add(session);
  }

  /**
   * Runs `work` in a transaction (retried whole on a transient error, as the driver advises) and
   * wakes the relay once it committed with events.
   */
  async transaction<R>(work: (session: ClientSession) => Promise<R>): Promise<R> {
    let used: ClientSession | undefined;
    const result = await this.connection.transaction((session) => {
      used = session;
      return work(session);
    });
    if (used && this.recorded.has(used)) this.signal.fire();
    return result;
  }

  /**
   * Runs `write` and records what `announce` makes of its result in one transaction. Without
   * `announce` the write runs as it is, outside any transaction.
   */
  async record<R>(
    write: (session: ClientSession | undefined) => Promise<R>,
    announce?: Announce<R>,
  ): Promise<R> {
    if (!announce) return write(undefined);
    return this.transaction(async (session) => {
      const result = await write(session);
      await this.add(announce(result), session);
      return result;
    });
  }

  async acquire(owner: string, leaseMs: number): Promise<boolean> {
    const now = new Date();
    try {
      await this.leases.updateOne(
        { _id: LEASE, $or: [{ owner }, { expiresAt: { $lt: now } }] },
        { $set: { owner, expiresAt: new Date(now.getTime() + leaseMs) } },
        { upsert: true },
      );
      return true;
    } catch (error) {
      // The lease exists and another owner's runs: the upsert collided with it.
      if (isMongoDuplicateKey(error)) return false;
      throw error;
    }
  }

  async release(owner: string): Promise<void> {
    await this.leases.deleteOne({ _id: LEASE, owner });
  }

  async oldest(limit: number): Promise<DomainEvent[]> {
    const docs = await this.events.find({}).sort({ seq: 1 }).limit(limit).toArray();
    return docs.map(
      (doc) =>
        // Written from a typed event by `add`: read back as it was.
        ({
          id: doc._id,
          type: doc.type as EventType,
          payload: parsePayload(doc.payload),
          occurredAt: doc.occurredAt,
          ...(doc.traceparent ? { traceparent: doc.traceparent } : {}),
        }) as DomainEvent,
    );
  }

  async remove(eventIds: readonly string[]): Promise<void> {
    if (eventIds.length === 0) return;
    await this.events.deleteMany({ _id: { $in: [...eventIds] } });
  }

  count(): Promise<number> {
    return this.events.countDocuments();
  }

  async oldestOccurredAt(): Promise<string | null> {
    const oldest = await this.events.findOne({}, { sort: { seq: 1 }, projection: { occurredAt: 1 } });
    return oldest?.occurredAt ?? null;
  }

  onRecorded(listener: () => void): () => void {
    return this.signal.subscribe(listener);
  }
}
