import type { Logger } from "@venta/kit";
import { migrateSqlite, openSqliteDatabase } from "@venta/store";
import type Database from "better-sqlite3";
import type { ChannelsConfig } from "../channels/channels.js";
import { BullmqDeliveryQueue } from "./delivery-queue.bullmq.js";
import type { DeliveryQueue, RetryPolicy } from "./delivery-queue.js";
import { SqliteDeliveryQueue } from "./delivery-queue.sqlite.js";
import { deliveryJobsBaseline } from "./migrations/delivery-jobs/001-baseline.sqlite.js";

/** The settings notifications read (see config.ts for each variable). */
export interface NotificationsConfig extends ChannelsConfig {
  DATA_DIR: string;
  REDIS_URL?: string | undefined;
  ALERT_NOTIFY_PERIOD_SECONDS: number;
  NOTIFY_MAX_ATTEMPTS: number;
  NOTIFY_RETRY_BASE_MS: number;
  NOTIFY_CONCURRENCY: number;
  NOTIFY_POLL_MS: number;
}

/** The SQLite queue's own file (`notification-jobs.db` in `dataDir`), its table migrated. */
export function openDeliveryJobsDatabase(dataDir: string): Database.Database {
  const db = openSqliteDatabase(dataDir, "notification-jobs");
  migrateSqlite(db, [{ module: "notifications", steps: [deliveryJobsBaseline] }]);
  return db;
}

/** BullMQ on Redis when `REDIS_URL` is set; otherwise a SQLite file of due jobs in `DATA_DIR`. */
export function openDeliveryQueue(config: NotificationsConfig, log: Logger): DeliveryQueue {
  const policy: RetryPolicy = {
    maxAttempts: config.NOTIFY_MAX_ATTEMPTS,
    baseDelayMs: config.NOTIFY_RETRY_BASE_MS,
    concurrency: config.NOTIFY_CONCURRENCY,
  };
  if (config.REDIS_URL) return new BullmqDeliveryQueue(config.REDIS_URL, policy, log);
  return new SqliteDeliveryQueue(
    openDeliveryJobsDatabase(config.DATA_DIR),
    policy,
    log,
    config.NOTIFY_POLL_MS,
  );
}
