import { randomUUID } from "node:crypto";
import { deleteRedisKeys, redisForTests, testLogger } from "@venta/testing";
import { afterAll, describe, it } from "vitest";
import { BullmqDeliveryQueue } from "./delivery-queue.bullmq.js";
import { deliveryQueueContract } from "./delivery-queue.contract.js";

const redisUrl = await redisForTests();

const prefix = `venta:test:${randomUUID()}`;

if (redisUrl) {
  deliveryQueueContract(
    "BullMQ (Redis)",
    async (storage, policy) => new BullmqDeliveryQueue(redisUrl, policy, testLogger, storage),
    () => `${prefix}:${randomUUID()}`,
  );
  afterAll(() => deleteRedisKeys(redisUrl, prefix));
} else {
  describe.skip("BullMQ delivery queue (Redis not reachable)", () => {
    it("needs Redis", () => {});
  });
}
