import type { Announce, MongoOutbox } from "@venta/events";
import {
  isMongoDuplicateKey,
  type KeysetSort,
  keysetAfter,
  pageLimit,
  pageOf,
  registerModel,
} from "@venta/store";
import { type ClientSession, type Connection, type Model, Schema } from "mongoose";
import {
  type AppendResult,
  type BalanceRecord,
  type LedgerEntryRecord,
  type LedgerListKey,
  type Page,
  POINTS_REASONS,
  type PointsReason,
} from "./points.record.js";
import type { PointsStore } from "./points.store.js";

interface EntryDocument {
  _id: string;
  userId: string;
  vendorId: string;
  delta: number;
  reason: PointsReason;
  reference: string;
  createdAt: Date;
}

interface BalanceDocument {
  /** `JSON.stringify([userId, vendorId])`: unambiguous whatever characters the ids hold. */
  _id: string;
  userId: string;
  vendorId: string;
  points: number;
  lifetimePoints: number;
  updatedAt: Date;
}

const entrySchema = new Schema<EntryDocument>(
  {
    _id: { type: String, required: true },
    userId: { type: String, required: true },
    vendorId: { type: String, required: true },
    delta: { type: Number, required: true },
    reason: { type: String, required: true, enum: [...POINTS_REASONS] },
    reference: { type: String, required: true },
    createdAt: { type: Date, required: true },
  },
  { collection: "points_ledger", versionKey: false, timestamps: false, autoIndex: false },
);
// The idempotency guarantee: a reference enters the ledger once.
entrySchema.index({ reference: 1 }, { unique: true });
entrySchema.index({ userId: 1, vendorId: 1, createdAt: -1, _id: -1 });

const balanceSchema = new Schema<BalanceDocument>(
  {
    _id: { type: String, required: true },
    userId: { type: String, required: true },
    vendorId: { type: String, required: true },
    points: { type: Number, required: true, min: 0 },
    lifetimePoints: { type: Number, required: true },
    updatedAt: { type: Date, required: true },
  },
  { collection: "points_balances", versionKey: false, timestamps: false, autoIndex: false },
);
balanceSchema.index({ userId: 1, vendorId: 1 }, { unique: true });

const NEWEST: KeysetSort<"createdAt" | "_id"> = { createdAt: -1, _id: -1 };

const balanceId = (userId: string, vendorId: string) => JSON.stringify([userId, vendorId]);

const toEntry = (doc: EntryDocument): LedgerEntryRecord => ({
  id: doc._id,
  userId: doc.userId,
  vendorId: doc.vendorId,
  delta: doc.delta,
  reason: doc.reason,
  reference: doc.reference,
  createdAt: doc.createdAt,
});

const toBalance = (doc: BalanceDocument): BalanceRecord => ({
  userId: doc.userId,
  vendorId: doc.vendorId,
  points: doc.points,
  lifetimePoints: doc.lifetimePoints,
  updatedAt: doc.updatedAt,
});

/**
 * The points ledger and balances in MongoDB, without multi-document transactions (a standalone
 * server has none). Each step is one atomic single-document write, ordered so that the step that
 * can refuse goes first and the second is undone if it fails:
 * - a credit inserts the ledger entry first (the unique reference refuses a duplicate), then `$inc`s
 *   the balance; if that fails the entry is deleted again;
 * - a debit first takes the points with one conditional `findOneAndUpdate` (`points >= cost`, so
 *   two concurrent debits can never both pass), then inserts the entry; if that fails the points
 *   are given back.
 * Only a crash between the two steps can leave a balance off its ledger sum.
 * An append that announces events runs in a transaction with them (the outbox), and there both
 * steps commit or neither does: nothing needs undoing.
 */
export class MongoPointsStore implements PointsStore {
  private readonly entries: Model<EntryDocument>;
  private readonly balances: Model<BalanceDocument>;

  constructor(
    connection: Connection,
    private readonly outbox: MongoOutbox,
  ) {
    this.entries = registerModel(connection, "PointsLedgerEntry", entrySchema);
    this.balances = registerModel(connection, "PointsBalance", balanceSchema);
  }

  async append(entry: LedgerEntryRecord, announce?: Announce<AppendResult>): Promise<AppendResult> {
    if (!Number.isInteger(entry.delta) || entry.delta === 0)
      throw new Error(`a ledger delta must be a non-zero integer, not ${entry.delta}`);
    try {
      return await this.outbox.record(
        (session) => (entry.delta > 0 ? this.credit(entry, session) : this.debit(entry, session)),
        announce,
      );
    } catch (error) {
      // In a transaction a duplicate reference aborts it whole, and lands here.
      if (isMongoDuplicateKey(error)) return { status: "duplicate" };
      throw error;
    }
  }

  /** False for a duplicate reference; in a transaction that error is thrown instead (it aborts it). */
  private async insertEntry(entry: LedgerEntryRecord, session: ClientSession | undefined): Promise<boolean> {
    const { id, ...rest } = entry;
    try {
      await this.entries.insertMany([{ _id: id, ...rest }], { lean: true, session });
      return true;
    } catch (error) {
      if (isMongoDuplicateKey(error) && !session) return false;
      throw error;
    }
  }

  /** Gives up on a half-done append: needed outside a transaction only, which aborts by itself. */
  private async undo(session: ClientSession | undefined, step: () => Promise<unknown>): Promise<void> {
    if (!session) await step();
  }

  private async credit(entry: LedgerEntryRecord, session: ClientSession | undefined): Promise<AppendResult> {
    if (!(await this.insertEntry(entry, session))) return { status: "duplicate" };
    try {
      const doc = await this.balances
        .findOneAndUpdate(
          { _id: balanceId(entry.userId, entry.vendorId) },
          {
            $inc: { points: entry.delta, lifetimePoints: entry.delta },
            $set: { updatedAt: entry.createdAt },
            $setOnInsert: { userId: entry.userId, vendorId: entry.vendorId },
          },
          { upsert: true, returnDocument: "after", session },
        )
        .lean<BalanceDocument>()
        .exec();
      return { status: "appended", entry, balance: toBalance(doc as BalanceDocument) };
    } catch (error) {
      await this.undo(session, () => this.entries.deleteOne({ _id: entry.id }).exec());
      throw error;
    }
  }

  private async debit(entry: LedgerEntryRecord, session: ClientSession | undefined): Promise<AppendResult> {
    const cost = -entry.delta;
    const id = balanceId(entry.userId, entry.vendorId);
    if (await this.entries.exists({ reference: entry.reference }).session(session ?? null))
      return { status: "duplicate" };
    const doc = await this.balances
      .findOneAndUpdate(
        { _id: id, points: { $gte: cost } },
        { $inc: { points: -cost }, $set: { updatedAt: entry.createdAt } },
        { returnDocument: "after", session },
      )
      .lean<BalanceDocument>()
      .exec();
    if (!doc) {
      const current = await this.balances
        .findById(id)
        .session(session ?? null)
        .lean<BalanceDocument>()
        .exec();
      return { status: "insufficient", points: current?.points ?? 0 };
    }
    const giveBack = () => this.balances.updateOne({ _id: id }, { $inc: { points: cost } }).exec();
    let inserted: boolean;
    try {
      inserted = await this.insertEntry(entry, session);
    } catch (error) {
      await this.undo(session, giveBack);
      throw error;
    }
    if (!inserted) {
      // The same reference won a race with us: give the points back.
      await giveBack();
      return { status: "duplicate" };
    }
    return { status: "appended", entry, balance: toBalance(doc) };
  }

  async findBalance(userId: string, vendorId: string): Promise<BalanceRecord | null> {
    const doc = await this.balances.findById(balanceId(userId, vendorId)).lean<BalanceDocument>().exec();
    return doc ? toBalance(doc) : null;
  }

  async listBalances(userId: string, first: number, afterVendorId?: string): Promise<Page<BalanceRecord>> {
    const q: Record<string, unknown> = { userId };
    if (afterVendorId !== undefined) q.vendorId = { $gt: afterVendorId };
    const [docs, totalCount] = await Promise.all([
      this.balances.find(q).sort({ vendorId: 1 }).limit(pageLimit(first)).lean<BalanceDocument[]>().exec(),
      this.balances.countDocuments({ userId }).exec(),
    ]);
    return { ...pageOf(docs, first, toBalance), totalCount };
  }

  async listEntries(
    userId: string,
    vendorId: string,
    first: number,
    after?: LedgerListKey,
  ): Promise<Page<LedgerEntryRecord>> {
    const key = after && { createdAt: after.createdAt, _id: after.id };
    const [docs, totalCount] = await Promise.all([
      this.entries
        .find({ userId, vendorId, ...(key && keysetAfter(NEWEST, key)) })
        .sort(NEWEST)
        .limit(pageLimit(first))
        .lean<EntryDocument[]>()
        .exec(),
      this.entries.countDocuments({ userId, vendorId }).exec(),
    ]);
    return { ...pageOf(docs, first, toEntry), totalCount };
  }

  async everythingOf(userId: string): Promise<{ balances: BalanceRecord[]; entries: LedgerEntryRecord[] }> {
    const [balances, entries] = await Promise.all([
      this.balances.find({ userId }).sort({ vendorId: 1 }).lean<BalanceDocument[]>().exec(),
      this.entries.find({ userId }).sort({ createdAt: 1, _id: 1 }).lean<EntryDocument[]>().exec(),
    ]);
    return { balances: balances.map(toBalance), entries: entries.map(toEntry) };
  }

  async eraseUser(userId: string): Promise<void> {
    await this.entries.deleteMany({ userId }).exec();
    await this.balances.deleteMany({ userId }).exec();
  }
}
