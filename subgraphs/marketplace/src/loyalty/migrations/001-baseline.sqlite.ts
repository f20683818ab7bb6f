import type { SqliteMigration } from "@venta/store";

/**
 * Loyalty programs and rewards, the points ledger and balances, vendors' latest positions and
 * check-ins as the stores created them before migrations were recorded (hence IF NOT EXISTS: a
 * data directory written then adopts this step unchanged).
 */
export const loyaltyBaseline: SqliteMigration = {
  version: 1,
  name: "programs, rewards, points ledger and balances, vendor positions, check-ins",
  up: (db) => {
    db.exec(`
      CREATE TABLE IF NOT EXISTS loyalty_programs (
        vendor_id TEXT PRIMARY KEY,
        points_per_check_in INTEGER NOT NULL,
        points_per_review INTEGER NOT NULL,
        points_per_purchase_unit INTEGER NOT NULL,
        purchase_unit_minor INTEGER NOT NULL,
        tiers TEXT NOT NULL,
        version INTEGER NOT NULL,
        created_at INTEGER NOT NULL,
        updated_at INTEGER NOT NULL
      );
      CREATE TABLE IF NOT EXISTS loyalty_rewards (
        id TEXT PRIMARY KEY,
        vendor_id TEXT NOT NULL,
        position INTEGER NOT NULL,
        name TEXT NOT NULL,
        cost_points INTEGER NOT NULL CHECK (cost_points > 0),
        active INTEGER NOT NULL,
        created_at INTEGER NOT NULL,
        updated_at INTEGER NOT NULL
      );
      CREATE INDEX IF NOT EXISTS loyalty_rewards_by_vendor ON loyalty_rewards (vendor_id, position);

      CREATE TABLE IF NOT EXISTS points_ledger (
        id TEXT PRIMARY KEY,
        user_id TEXT NOT NULL,
        vendor_id TEXT NOT NULL,
        delta INTEGER NOT NULL CHECK (delta <> 0),
        reason TEXT NOT NULL,
        reference TEXT NOT NULL UNIQUE,
        created_at INTEGER NOT NULL
      );
      CREATE INDEX IF NOT EXISTS points_ledger_by_member ON points_ledger (user_id, vendor_id, created_at, id);
      CREATE TRIGGER IF NOT EXISTS points_ledger_append_only BEFORE UPDATE ON points_ledger
      BEGIN
        SELECT RAISE(ABORT, 'the points ledger is append-only');
      END;
      CREATE TABLE IF NOT EXISTS points_balances (
        user_id TEXT NOT NULL,
        vendor_id TEXT NOT NULL,
        points INTEGER NOT NULL CHECK (points >= 0),
        lifetime_points INTEGER NOT NULL,
        updated_at INTEGER NOT NULL,
        PRIMARY KEY (user_id, vendor_id)
      );

      CREATE TABLE IF NOT EXISTS vendor_positions (
        vendor_id TEXT PRIMARY KEY,
        lat REAL NOT NULL,
        lng REAL NOT NULL,
        recorded_at INTEGER NOT NULL
      );

      CREATE TABLE IF NOT EXISTS loyalty_check_ins (
        id TEXT PRIMARY KEY,
        user_id TEXT NOT NULL,
        vendor_id TEXT NOT NULL,
        lat REAL NOT NULL,
        lng REAL NOT NULL,
        at INTEGER NOT NULL,
        sequence INTEGER NOT NULL,
        status TEXT NOT NULL,
        travel TEXT,
        UNIQUE (user_id, sequence)
      );
      CREATE INDEX IF NOT EXISTS loyalty_check_ins_by_time ON loyalty_check_ins (user_id, at);
      CREATE INDEX IF NOT EXISTS loyalty_check_ins_flagged ON loyalty_check_ins (status, at, id);
    `);
  },
};
