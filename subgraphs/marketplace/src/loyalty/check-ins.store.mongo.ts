import { conflict } from "@venta/kit";
import {
  isMongoDuplicateKey,
  type KeysetSort,
  keysetAfter,
  pageLimit,
  pageOf,
  registerModel,
} from "@venta/store";
import { type Connection, type Model, Schema } from "mongoose";
import {
  CHECK_IN_STATUSES,
  type CheckInListKey,
  type CheckInRecord,
  type CheckInStatus,
  type CheckInTravel,
  judgedCheckIn,
} from "./check-in.record.js";
import type { CheckInHistory, CheckInVerdict } from "./check-in-rules.js";
import type { CheckInAttempt, CheckInsStore, CheckInWindows } from "./check-ins.store.js";
import type { Page } from "./points.record.js";

interface CheckInDocument {
  _id: string;
  userId: string;
  vendorId: string;
  lat: number;
  lng: number;
  at: Date;
  sequence: number;
  status: CheckInStatus;
  travel: CheckInTravel | null;
}

const checkInSchema = new Schema<CheckInDocument>(
  {
    _id: { type: String, required: true },
    userId: { type: String, required: true },
    vendorId: { type: String, required: true },
    lat: { type: Number, required: true },
    lng: { type: Number, required: true },
    at: { type: Date, required: true },
    sequence: { type: Number, required: true },
    status: { type: String, required: true, enum: [...CHECK_IN_STATUSES] },
    travel: {
      type: new Schema<CheckInTravel>(
        {
          fromLat: { type: Number, required: true },
          fromLng: { type: Number, required: true },
          fromAt: { type: Date, required: true },
          distanceMeters: { type: Number, required: true },
          elapsedSeconds: { type: Number, required: true },
        },
        { _id: false },
      ),
      default: null,
    },
  },
  { collection: "loyalty_check_ins", versionKey: false, timestamps: false, autoIndex: false },
);
// What serializes one person's check-ins: only one can follow a given previous one.
checkInSchema.index({ userId: 1, sequence: 1 }, { unique: true });
checkInSchema.index({ userId: 1, at: 1 });
checkInSchema.index({ status: 1, at: -1, _id: -1 });

const LATEST: KeysetSort<"at" | "_id"> = { at: -1, _id: -1 };

const toRecord = (doc: CheckInDocument): CheckInRecord => ({
  id: doc._id,
  userId: doc.userId,
  vendorId: doc.vendorId,
  lat: doc.lat,
  lng: doc.lng,
  at: doc.at,
  sequence: doc.sequence,
  status: doc.status,
  travel: doc.travel
    ? {
        fromLat: doc.travel.fromLat,
        fromLng: doc.travel.fromLng,
        fromAt: doc.travel.fromAt,
        distanceMeters: doc.travel.distanceMeters,
        elapsedSeconds: doc.travel.elapsedSeconds,
      }
    : null,
});

/** Enough for every check-in a person may make in an hour to race at once and each get its turn. */
const MAX_ATTEMPTS = 50;

/**
 * Check-ins in MongoDB, without transactions. The history is read, judged, and the check-in
 * inserted as the next in the person's sequence; the unique (userId, sequence) index refuses it
 * if any other check-in of theirs was recorded since the read, and it is judged again on the
 * fresh history. So every recorded check-in was judged against all that came before it.
 */
export class MongoCheckInsStore implements CheckInsStore {
  private readonly model: Model<CheckInDocument>;

  constructor(connection: Connection) {
    this.model = registerModel(connection, "LoyaltyCheckIn", checkInSchema);
  }

  async record(
    attempt: CheckInAttempt,
    windows: CheckInWindows,
    judge: (history: CheckInHistory) => CheckInVerdict,
  ): Promise<{ verdict: CheckInVerdict; record: CheckInRecord | null }> {
    const userId = String(attempt.userId);
    for (let tries = 0; tries < MAX_ATTEMPTS; tries += 1) {
      // The latest first: anything recorded after this read takes its sequence and refuses ours.
      const latest = await this.model
        .findOne({ userId })
        .sort({ sequence: -1 })
        .lean<CheckInDocument>()
        .exec();
      const [believed, oldest, recentCount] = await Promise.all([
        this.model
          .findOne({ userId, status: "ACCEPTED" })
          .sort({ sequence: -1 })
          .lean<CheckInDocument>()
          .exec(),
        this.model
          .findOne({ userId, at: { $gt: windows.since } })
          .sort({ at: 1 })
          .lean<CheckInDocument>()
          .exec(),
        this.model.countDocuments({ userId, at: { $gt: windows.since } }).exec(),
      ]);
      const verdict = judge({
        previous: believed ? toRecord(believed) : null,
        recentCount,
        oldestRecentAt: oldest?.at ?? null,
      });
      if (verdict.status === "LIMITED") return { verdict, record: null };
      const record = judgedCheckIn(attempt, latest?.sequence ?? 0, verdict);
      const { id, ...rest } = record;
      try {
        await this.model.insertMany([{ _id: id, ...rest }], { lean: true });
      } catch (error) {
        if (isMongoDuplicateKey(error)) continue;
        throw error;
      }
      // Newer accepted check-ins only raise the bar, so this never removes the latest accepted one.
      const keep = record.status === "ACCEPTED" ? record.sequence : believed?.sequence;
      if (keep !== undefined)
        await this.model
          .deleteMany({ userId, status: "ACCEPTED", at: { $lt: windows.keepSince }, sequence: { $lt: keep } })
          .exec();
      return { verdict, record };
    }
    throw conflict("too many check-ins of this person at once; retry");
  }

  async listFlagged(first: number, after?: CheckInListKey): Promise<Page<CheckInRecord>> {
    const key = after && { at: after.at, _id: after.id };
    const [docs, totalCount] = await Promise.all([
      this.model
        .find({ status: "FLAGGED", ...(key && keysetAfter(LATEST, key)) })
        .sort(LATEST)
        .limit(pageLimit(first))
        .lean<CheckInDocument[]>()
        .exec(),
      this.model.countDocuments({ status: "FLAGGED" }).exec(),
    ]);
    return { ...pageOf(docs, first, toRecord), totalCount };
  }

  async everythingOf(userId: string): Promise<CheckInRecord[]> {
    const docs = await this.model
      .find({ userId: String(userId) })
      .sort({ at: 1, sequence: 1 })
      .lean<CheckInDocument[]>()
      .exec();
    return docs.map(toRecord);
  }

  async eraseUser(userId: string): Promise<void> {
    await this.model.deleteMany({ userId: String(userId) }).exec();
  }
}
