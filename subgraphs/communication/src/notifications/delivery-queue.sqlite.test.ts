import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { openSqliteDatabase } from "@venta/store";
import { testLogger } from "@venta/testing";
import { afterAll } from "vitest";
import { deliveryQueueContract } from "./delivery-queue.contract.js";
import { SqliteDeliveryQueue } from "./delivery-queue.sqlite.js";

const root = mkdtempSync(join(tmpdir(), "venta-delivery-queue-"));
let storages = 0;
afterAll(() => rmSync(root, { recursive: true, force: true }));

deliveryQueueContract(
  "SQLite",
  async (storage, policy) =>
    new SqliteDeliveryQueue(openSqliteDatabase(storage, "notification-jobs"), policy, testLogger, 20),
  () => {
    storages += 1;
    return join(root, `queue-${storages}`);
  },
);
