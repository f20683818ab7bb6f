import { randomUUID } from "node:crypto";
import { type DomainEvent, openEventStore, openSqliteHandle, RedisEventBus } from "@venta/events";
import {
  deleteRedisKeys,
  eventually,
  postGraphQL,
  redisForTests,
  type SignedUp,
  type Stack,
  startStack,
  testLogger,
} from "@venta/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { verifyVendor } from "../onboarding/verify-vendor.js";
import { type TcpProxy, tcpProxy } from "./tcp-proxy.js";

const redis = await redisForTests();

/** The events the dead marketplace process left in its outbox, read from its database file. */
async function leftInOutbox(dataDir: string): Promise<DomainEvent[]> {
  const { db, outbox } = openSqliteHandle(dataDir, "marketplace", []);
  try {
    return await outbox.oldest(100);
  } finally {
    db.close();
  }
}

/** A restarted marketplace replays its outbox after start-up: longer than a request's round trip. */
const RESTART_MS = 20_000;

describe.runIf(redis)(
  "an event committed with its write survives the process dying before it is published",
  () => {
    // A Redis database of its own, so this run's streams and consumer groups meet no one else's.
    const database = 11;
    const redisUrl = `${redis}/${database}`;
    let proxy: TcpProxy;
    let stack: Stack;
    let customer: SignedUp;
    let vendorId: string;

    beforeAll(async () => {
      await deleteRedisKeys(redisUrl, "venta:");
      const { port } = new URL(redis ?? "");
      proxy = await tcpProxy(Number(port || 6379));
      stack = await startStack({
        env: { REDIS_URL: redisUrl },
        // Only marketplace reaches Redis through the proxy: cutting it cuts marketplace alone.
        serviceEnv: { marketplace: { REDIS_URL: `redis://127.0.0.1:${proxy.port}/${database}` } },
      });
      const owner = await stack.signUp("Rosa", ["VENDOR"]);
      customer = await stack.signUp("Casey", ["CUSTOMER"]);
      const created = await postGraphQL<{ createVendor: { id: string } }>(
        `${stack.urls.router}/graphql`,
        `mutation ($input: CreateVendorInput!) { createVendor(input: $input) { id } }`,
        { input: { name: "Rosa's Elotes", cuisines: ["mexican"], status: "OPEN" } },
        owner.headers,
      );
      expect(created.errors).toBeUndefined();
      vendorId = created.data?.createVendor.id as string;
      await verifyVendor(stack, vendorId);
    });

    afterAll(async () => {
      await stack?.close();
      await proxy?.close();
      await deleteRedisKeys(redisUrl, "venta:");
    });

    it("publishes it, with the same id, once marketplace starts again", async () => {
      // Everything written so far has reached the bus: marketplace's outbox is empty.
      expect(
        await eventually(
          () => leftInOutbox(stack.dataDir),
          (left) => left.length === 0,
          RESTART_MS,
        ),
      ).toEqual([]);
      proxy.cut();
      const favorited = await postGraphQL<{ addFavorite: { id: string } }>(
        `${stack.urls.router}/graphql`,
        `mutation ($id: ID!) { addFavorite(vendorId: $id) { id } }`,
        { id: vendorId },
        customer.headers,
      );
      // The write committed: the customer is told so.
      expect(favorited.errors).toBeUndefined();
      expect(favorited.data?.addFavorite.id).toBe(vendorId);

      expect(await stack.kill("marketplace", "SIGKILL")).toBe("SIGKILL");
      const left = await leftInOutbox(stack.dataDir);
      const written = left.find((event) => event.type === "marketplace.favorite_added");
      expect(written?.payload).toMatchObject({ userId: customer.userId, vendorId });
      if (!written) return;

      proxy.restore();
      await stack.start("marketplace");

      // On the bus, exactly as written, once.
      const bus = new RedisEventBus(redisUrl, testLogger);
      const seen: DomainEvent[] = [];
      const consumption = bus.consume(
        `crash-test-${randomUUID()}`,
        ["marketplace.favorite_added"],
        (event) => {
          seen.push(event);
        },
      );
      try {
        await eventually(
          async () => seen.filter((event) => event.id === written.id).length,
          (count) => count > 0,
          RESTART_MS,
        );
        expect(seen.filter((event) => event.id === written.id)).toEqual([written]);
      } finally {
        await consumption.stop();
        await bus.close();
      }

      // In the event store, filed under the person who favorited, exactly as written.
      const store = await openEventStore({ DATA_DIR: stack.dataDir });
      try {
        const history = await eventually(
          () => store.eventsFor("user", customer.userId, 100),
          (page) => page.events.some((stored) => stored.event.id === written.id),
          RESTART_MS,
        );
        expect(history.events.filter((stored) => stored.event.id === written.id).map((s) => s.event)).toEqual(
          [written],
        );
      } finally {
        await store.close();
      }
      expect(await leftInOutbox(stack.dataDir)).toEqual([]);
    });
  },
);
