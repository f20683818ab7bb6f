import { isMongoDuplicateKey } from "@venta/kit";
import { type Connection, type Model, Schema } from "mongoose";
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
 */
export class MongoPointsStore implements PointsStore {
  private readonly entries: Model<EntryDocument>;
  private readonly balances: Model<BalanceDocument>;

  constructor(connection: Connection) {
    this.entries =
      connection.models.PointsLedgerEntry ??
      connection.model<EntryDocument>("PointsLedgerEntry", entrySchema);
    this.balances =
      connection.models.PointsBalance ?? connection.model<BalanceDocument>("PointsBalance", balanceSchema);
  }

  /** Indexes are built at start-up, never lazily on a first request. */
  async createIndexes(): Promise<void> {
    await Promise.all([this.entries.createIndexes(), this.balances.createIndexes()]);
  }

  async append(entry: LedgerEntryRecord): Promise<AppendResult> {
    if (!Number.isInteger(entry.delta) || entry.delta === 0)
      throw new Error(`a ledger delta must be a non-zero integer, not ${entry.delta}`);
    return entry.delta > 0 ? this.credit(entry) : this.debit(entry);
  }

  private async insertEntry(entry: LedgerEntryRecord): Promise<boolean> {
    const { id, ...rest } = entry;
    try {
      await this.entries.insertMany([{ _id: id, ...rest }], { lean: true });
      return true;
    } catch (error) {
      if (isMongoDuplicateKey(error)) return false;
      throw error;
    }
  }

  private async credit(entry: LedgerEntryRecord): Promise<AppendResult> {
    if (!(await this.insertEntry(entry))) return { status: "duplicate" };
    try {
      const doc = await this.balances
        .findOneAndUpdate(
          { _id: balanceId(entry.userId, entry.vendorId) },
          {
            $inc: { points: entry.delta, lifetimePoints: entry.delta },
            $set: { updatedAt: entry.createdAt },
            $setOnInsert: { userId: entry.userId, vendorId: entry.vendorId },
          },
          { upsert: true, returnDocument: "after" },
        )
        .lean<BalanceDocument>()
        .exec();
      return { status: "appended", entry, balance: toBalance(doc as BalanceDocument) };
    } catch (error) {
      await this.entries.deleteOne({ _id: entry.id }).exec();
      throw error;
    }
  }

  private async debit(entry: LedgerEntryRecord): Promise<AppendResult> {
    const cost = -entry.delta;
    const id = balanceId(entry.userId, entry.vendorId);
    if (await this.entries.exists({ reference: entry.reference })) return { status: "duplicate" };
    const doc = await this.balances
      .findOneAndUpdate(
        { _id: id, points: { $gte: cost } },
        { $inc: { points: -cost }, $set: { updatedAt: entry.createdAt } },
        { returnDocument: "after" },
      )
      .lean<BalanceDocument>()
      .exec();
    if (!doc) {
      const current = await this.balances.findById(id).lean<BalanceDocument>().exec();
      return { status: "insufficient", points: current?.points ?? 0 };
    }
    let inserted: boolean;
    try {
      inserted = await this.insertEntry(entry);
    } catch (error) {
      await this.balances.updateOne({ _id: id }, { $inc: { points: cost } }).exec();
      throw error;
    }
    if (!inserted) {
      // The same reference won a race with us: give the points back.
      await this.balances.updateOne({ _id: id }, { $inc: { points: cost } }).exec();
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
      this.balances
        .find(q)
        .sort({ vendorId: 1 })
        .limit(first + 1)
        .lean<BalanceDocument[]>()
        .exec(),
      this.balances.countDocuments({ userId }).exec(),
    ]);
    return { records: docs.slice(0, first).map(toBalance), hasNextPage: docs.length > first, totalCount };
  }

  async listEntries(
    userId: string,
    vendorId: string,
    first: number,
    after?: LedgerListKey,
  ): Promise<Page<LedgerEntryRecord>> {
    const q: Record<string, unknown> = { userId, vendorId };
    if (after) {
      q.$or = [
        { createdAt: { $lt: after.createdAt } },
        { createdAt: after.createdAt, _id: { $lt: after.id } },
      ];
    }
    const [docs, totalCount] = await Promise.all([
      this.entries
        .find(q)
        .sort({ createdAt: -1, _id: -1 })
        .limit(first + 1)
        .lean<EntryDocument[]>()
        .exec(),
      this.entries.countDocuments({ userId, vendorId }).exec(),
    ]);
    return { records: docs.slice(0, first).map(toEntry), hasNextPage: docs.length > first, totalCount };
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
