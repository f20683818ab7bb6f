import type Database from "better-sqlite3";
import type { LoyaltyProgramRecord, LoyaltyTier, RewardRecord } from "./loyalty-program.record.js";
import type { LoyaltyProgramsStore } from "./loyalty-programs.store.js";

interface ProgramRow {
  vendor_id: string;
  points_per_check_in: number;
  points_per_review: number;
  points_per_purchase_unit: number;
  purchase_unit_minor: number;
  tiers: string;
  version: number;
  created_at: number;
  updated_at: number;
}

interface RewardRow {
  id: string;
  vendor_id: string;
  name: string;
  cost_points: number;
  active: number;
  created_at: number;
  updated_at: number;
}

const PROGRAM_COLUMNS =
  "vendor_id, points_per_check_in, points_per_review, points_per_purchase_unit, purchase_unit_minor, tiers, version, created_at, updated_at";
const REWARD_COLUMNS = "id, vendor_id, name, cost_points, active, created_at, updated_at";

const toReward = (row: RewardRow): RewardRecord => ({
  id: row.id,
  vendorId: row.vendor_id,
  name: row.name,
  costPoints: row.cost_points,
  active: row.active === 1,
  createdAt: new Date(row.created_at),
  updatedAt: new Date(row.updated_at),
});

const toProgram = (row: ProgramRow, rewards: RewardRecord[]): LoyaltyProgramRecord => ({
  vendorId: row.vendor_id,
  pointsPerCheckIn: row.points_per_check_in,
  pointsPerReview: row.points_per_review,
  pointsPerPurchaseUnit: row.points_per_purchase_unit,
  purchaseUnitMinor: row.purchase_unit_minor,
  tiers: JSON.parse(row.tiers) as LoyaltyTier[],
  rewards,
  version: row.version,
  createdAt: new Date(row.created_at),
  updatedAt: new Date(row.updated_at),
});

/** Loyalty programs and their rewards in the embedded SQLite database, written together in one transaction. */
export class SqliteLoyaltyProgramsStore implements LoyaltyProgramsStore {
  constructor(private readonly db: Database.Database) {}

  async save(program: LoyaltyProgramRecord, expectedVersion: number | null): Promise<boolean> {
    const params = {
      vendorId: program.vendorId,
      checkIn: program.pointsPerCheckIn,
      review: program.pointsPerReview,
      purchase: program.pointsPerPurchaseUnit,
      unit: program.purchaseUnitMinor,
      tiers: JSON.stringify(program.tiers),
      version: program.version,
      expectedVersion,
      createdAt: program.createdAt.getTime(),
      updatedAt: program.updatedAt.getTime(),
    };
    return this.db
      .transaction((): boolean => {
        const { changes } =
          expectedVersion === null
            ? this.db
                .prepare(
                  `INSERT OR IGNORE INTO loyalty_programs (${PROGRAM_COLUMNS})
                   VALUES (@vendorId, @checkIn, @review, @purchase, @unit, @tiers, @version, @createdAt, @updatedAt)`,
                )
                .run(params)
            : this.db
                .prepare(
                  `UPDATE loyalty_programs SET points_per_check_in = @checkIn, points_per_review = @review,
                     points_per_purchase_unit = @purchase, purchase_unit_minor = @unit, tiers = @tiers,
                     version = @version, updated_at = @updatedAt
                   WHERE vendor_id = @vendorId AND version = @expectedVersion`,
                )
                .run(params);
        if (changes === 0) return false;
        this.db
          .prepare(
            "DELETE FROM loyalty_rewards WHERE vendor_id = ? AND id NOT IN (SELECT value FROM json_each(?))",
          )
          .run(program.vendorId, JSON.stringify(program.rewards.map((r) => r.id)));
        const upsert = this.db.prepare(
          `INSERT INTO loyalty_rewards (id, vendor_id, position, name, cost_points, active, created_at, updated_at)
           VALUES (@id, @vendorId, @position, @name, @costPoints, @active, @createdAt, @updatedAt)
           ON CONFLICT (id) DO UPDATE SET position = excluded.position, name = excluded.name,
             cost_points = excluded.cost_points, active = excluded.active, updated_at = excluded.updated_at`,
        );
        program.rewards.forEach((reward, position) => {
          upsert.run({
            id: reward.id,
            vendorId: program.vendorId,
            position,
            name: reward.name,
            costPoints: reward.costPoints,
            active: reward.active ? 1 : 0,
            createdAt: reward.createdAt.getTime(),
            updatedAt: reward.updatedAt.getTime(),
          });
        });
        return true;
      })
      .immediate();
  }

  async findByVendorIds(vendorIds: readonly string[]): Promise<LoyaltyProgramRecord[]> {
    if (vendorIds.length === 0) return [];
    const ids = JSON.stringify(vendorIds);
    return this.db.transaction(() => {
      const programs = this.db
        .prepare<[string], ProgramRow>(
          `SELECT ${PROGRAM_COLUMNS} FROM loyalty_programs WHERE vendor_id IN (SELECT value FROM json_each(?))`,
        )
        .all(ids);
      const rewards = new Map<string, RewardRecord[]>();
      for (const row of this.db
        .prepare<[string], RewardRow>(
          `SELECT ${REWARD_COLUMNS} FROM loyalty_rewards WHERE vendor_id IN (SELECT value FROM json_each(?))
           ORDER BY vendor_id, position`,
        )
        .all(ids)) {
        const list = rewards.get(row.vendor_id) ?? [];
        list.push(toReward(row));
        rewards.set(row.vendor_id, list);
      }
      return programs.map((row) => toProgram(row, rewards.get(row.vendor_id) ?? []));
    })();
  }

  async findReward(rewardId: string): Promise<RewardRecord | null> {
    const row = this.db
      .prepare<[string], RewardRow>(`SELECT ${REWARD_COLUMNS} FROM loyalty_rewards WHERE id = ?`)
      .get(rewardId);
    return row ? toReward(row) : null;
  }
}
