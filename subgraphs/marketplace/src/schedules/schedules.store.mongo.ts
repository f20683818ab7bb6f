import type { Announce, MongoOutbox } from "@venta/events";
import { registerModel } from "@venta/store";
import { type Connection, type Model, Schema } from "mongoose";
import { type DayHours, type ScheduleException, type ScheduleRecord, WEEKDAYS } from "./schedule.record.js";
import type { SchedulesStore } from "./schedules.store.js";

interface ScheduleDocument {
  _id: string;
  timeZone: string;
  weekly: DayHours[];
  exceptions: ScheduleException[];
  updatedAt: Date;
  /** The end of the horizon of open intervals last published for this schedule; absent: none yet. */
  publishedUntil?: Date;
}

const intervalSchema = new Schema(
  { opens: { type: String, required: true }, closes: { type: String, required: true } },
  { _id: false },
);

const scheduleSchema = new Schema<ScheduleDocument>(
  {
    _id: { type: String, required: true },
    timeZone: { type: String, required: true },
    weekly: {
      type: [
        new Schema(
          {
            weekday: { type: String, required: true, enum: [...WEEKDAYS] },
            intervals: { type: [intervalSchema], required: true },
          },
          { _id: false },
        ),
      ],
      required: true,
    },
    exceptions: {
      type: [
        new Schema(
          { date: { type: String, required: true }, intervals: { type: [intervalSchema], required: true } },
          { _id: false },
        ),
      ],
      required: true,
    },
    updatedAt: { type: Date, required: true },
    publishedUntil: { type: Date },
  },
  // `updatedAt` is domain data (the service's clock), so mongoose must not manage it.
  { collection: "vendor_schedules", versionKey: false, timestamps: false, autoIndex: false },
);
// The hourly refresher asks for the few schedules whose published horizon is running out.
scheduleSchema.index({ publishedUntil: 1, _id: 1 });

const toRecord = (doc: ScheduleDocument): ScheduleRecord => ({
  vendorId: doc._id,
  timeZone: doc.timeZone,
  weekly: doc.weekly.map((d) => ({
    weekday: d.weekday,
    intervals: d.intervals.map((i) => ({ opens: i.opens, closes: i.closes })),
  })),
  exceptions: doc.exceptions.map((e) => ({
    date: e.date,
    intervals: e.intervals.map((i) => ({ opens: i.opens, closes: i.closes })),
  })),
  updatedAt: doc.updatedAt,
});

/** Schedules in MongoDB: one document per vendor, keyed by the vendor's id. */
export class MongoSchedulesStore implements SchedulesStore {
  private readonly model: Model<ScheduleDocument>;

  constructor(
    connection: Connection,
    private readonly outbox: MongoOutbox,
  ) {
    this.model = registerModel(connection, "VendorSchedule", scheduleSchema);
  }

  async put(schedule: ScheduleRecord, announce?: Announce<void>): Promise<void> {
    const { vendorId, ...rest } = schedule;
    // A single-document replace is atomic: readers see the old schedule or the new one, never a mix.
    // It drops `publishedUntil` too: the new schedule has been published to no one yet.
    await this.outbox.record(async (session) => {
      await this.model
        .replaceOne({ _id: vendorId }, { _id: vendorId, ...rest }, { upsert: true, session })
        .exec();
    }, announce);
  }

  async recordHorizon(
    vendorId: string,
    updatedAt: Date,
    horizonEnd: Date,
    announce?: Announce<boolean>,
  ): Promise<boolean> {
    // `$max` on a missing field sets it: one conditional, atomic update.
    return this.outbox.record(async (session) => {
      const result = await this.model
        .updateOne({ _id: vendorId, updatedAt }, { $max: { publishedUntil: horizonEnd } }, { session })
        .exec();
      return result.matchedCount === 1;
    }, announce);
  }

  async dueForRefresh(
    endingBefore: Date,
    afterVendorId: string | null,
    limit: number,
  ): Promise<ScheduleRecord[]> {
    const docs = await this.model
      .find({
        // `null` also matches a missing field: a schedule never published.
        $or: [{ publishedUntil: null }, { publishedUntil: { $lt: endingBefore } }],
        ...(afterVendorId === null ? {} : { _id: { $gt: afterVendorId } }),
      })
      .sort({ _id: 1 })
      .limit(Math.max(1, limit))
      .lean<ScheduleDocument[]>()
      .exec();
    return docs.map(toRecord);
  }

  async findByVendorId(vendorId: string): Promise<ScheduleRecord | null> {
    const doc = await this.model.findById(vendorId).lean<ScheduleDocument>().exec();
    return doc ? toRecord(doc) : null;
  }

  async findByVendorIds(vendorIds: readonly string[]): Promise<ScheduleRecord[]> {
    if (vendorIds.length === 0) return [];
    const docs = await this.model
      .find({ _id: { $in: [...vendorIds] } })
      .lean<ScheduleDocument[]>()
      .exec();
    return docs.map(toRecord);
  }
}
