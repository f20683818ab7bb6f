import { isMongoDuplicateKey, registerModel } from "@venta/store";
import { type Connection, type Model, Schema } from "mongoose";
import type { LoyaltyProgramRecord, LoyaltyTier, RewardRecord } from "./loyalty-program.record.js";
import type { LoyaltyProgramsStore } from "./loyalty-programs.store.js";

interface RewardDocument {
  id: string;
  name: string;
  costPoints: number;
  active: boolean;
  createdAt: Date;
  updatedAt: Date;
}

interface ProgramDocument {
  _id: string;
  pointsPerCheckIn: number;
  pointsPerReview: number;
  pointsPerPurchaseUnit: number;
  purchaseUnitMinor: number;
  tiers: LoyaltyTier[];
  rewards: RewardDocument[];
  version: number;
  createdAt: Date;
  updatedAt: Date;
}

const rewardSchema = new Schema<RewardDocument>(
  {
    id: { type: String, required: true },
    name: { type: String, required: true },
    costPoints: { type: Number, required: true, min: 1 },
    active: { type: Boolean, required: true },
    createdAt: { type: Date, required: true },
    updatedAt: { type: Date, required: true },
  },
  { _id: false },
);

const programSchema = new Schema<ProgramDocument>(
  {
    _id: { type: String, required: true },
    pointsPerCheckIn: { type: Number, required: true },
    pointsPerReview: { type: Number, required: true },
    pointsPerPurchaseUnit: { type: Number, required: true },
    purchaseUnitMinor: { type: Number, required: true },
    tiers: { type: [{ _id: false, name: String, threshold: Number }], required: true },
    rewards: { type: [rewardSchema], required: true },
    version: { type: Number, required: true },
    createdAt: { type: Date, required: true },
    updatedAt: { type: Date, required: true },
  },
  { collection: "loyalty_programs", versionKey: false, timestamps: false, autoIndex: false },
);
// Redemptions find a reward by its id; ids are UUIDs, so no uniqueness index is needed.
programSchema.index({ "rewards.id": 1 });

const toReward = (vendorId: string, doc: RewardDocument): RewardRecord => ({
  id: doc.id,
  vendorId,
  name: doc.name,
  costPoints: doc.costPoints,
  active: doc.active,
  createdAt: doc.createdAt,
  updatedAt: doc.updatedAt,
});

const toProgram = (doc: ProgramDocument): LoyaltyProgramRecord => ({
  vendorId: doc._id,
  pointsPerCheckIn: doc.pointsPerCheckIn,
  pointsPerReview: doc.pointsPerReview,
  pointsPerPurchaseUnit: doc.pointsPerPurchaseUnit,
  purchaseUnitMinor: doc.purchaseUnitMinor,
  tiers: doc.tiers.map((t) => ({ name: t.name, threshold: t.threshold })),
  rewards: doc.rewards.map((r) => toReward(doc._id, r)),
  version: doc.version,
  createdAt: doc.createdAt,
  updatedAt: doc.updatedAt,
});

const toDocument = (program: LoyaltyProgramRecord): ProgramDocument => ({
  _id: program.vendorId,
  pointsPerCheckIn: program.pointsPerCheckIn,
  pointsPerReview: program.pointsPerReview,
  pointsPerPurchaseUnit: program.pointsPerPurchaseUnit,
  purchaseUnitMinor: program.purchaseUnitMinor,
  tiers: program.tiers,
  rewards: program.rewards.map(({ vendorId: _vendorId, ...reward }) => reward),
  version: program.version,
  createdAt: program.createdAt,
  updatedAt: program.updatedAt,
});

/**
 * Loyalty programs in MongoDB: one document per vendor with its rewards embedded, so a program and
 * its whole catalogue change in one atomic write.
 */
export class MongoLoyaltyProgramsStore implements LoyaltyProgramsStore {
  private readonly model: Model<ProgramDocument>;

  constructor(connection: Connection) {
    this.model = registerModel(connection, "LoyaltyProgram", programSchema);
  }

  async save(program: LoyaltyProgramRecord, expectedVersion: number | null): Promise<boolean> {
    const doc = toDocument(program);
    if (expectedVersion === null) {
      try {
        await this.model.insertMany([doc], { lean: true });
        return true;
      } catch (error) {
        if (isMongoDuplicateKey(error)) return false;
        throw error;
      }
    }
    const result = await this.model
      .replaceOne({ _id: program.vendorId, version: expectedVersion }, doc)
      .exec();
    return result.matchedCount === 1;
  }

  async findByVendorIds(vendorIds: readonly string[]): Promise<LoyaltyProgramRecord[]> {
    if (vendorIds.length === 0) return [];
    const docs = await this.model
      .find({ _id: { $in: [...vendorIds] } })
      .lean<ProgramDocument[]>()
      .exec();
    return docs.map(toProgram);
  }

  async findReward(rewardId: string): Promise<RewardRecord | null> {
    const doc = await this.model
      .findOne({ "rewards.id": rewardId }, { rewards: { $elemMatch: { id: rewardId } } })
      .lean<Pick<ProgramDocument, "_id" | "rewards">>()
      .exec();
    const reward = doc?.rewards[0];
    return doc && reward ? toReward(doc._id, reward) : null;
  }
}
