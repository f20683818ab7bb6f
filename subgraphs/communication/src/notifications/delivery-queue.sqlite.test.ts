import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { testLogger } from "@venta/testing";
import { afterAll } from "vitest";
import { deliveryQueueContract } from "./delivery-queue.contract.js";
import { SqliteDeliveryQueue } from "./delivery-queue.sqlite.js";
import { openDeliveryJobsDatabase } from "./open-delivery-queue.js";

const root = mkdtempSync(join(tmpdir(), "venta-delivery-queue-"));
let storages = 0;
afterAll(() => rmSync(root, { recursive: true, force: true }));

deliveryQueueContract(
  "SQLite",
  async (storage, policy) =>
    new SqliteDeliveryQueue(openDeliveryJobsDatabase(storage), policy, testLogger, 20),
  () => {
    storages += 1;
    return join(root, `queue-${storages}`);
  },
);
