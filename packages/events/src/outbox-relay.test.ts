import { randomUUID } from "node:crypto";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, dirname, join } from "node:path";
import { deleteRedisKeys, redisForTests, testLogger } from "@venta/testing";
import { afterAll, afterEach, describe, expect, it, vi } from "vitest";
import type { DomainEvent } from "./catalogue.js";
import { created, snapshot, until } from "./event-bus.harness.js";
import type { EventBus } from "./event-bus.js";
import { RedisEventBus } from "./event-bus.redis.js";
import { SqliteEventBus } from "./event-bus.sqlite.js";
import { histogramCount } from "./metric-samples.harness.js";
import { newEvent } from "./outbox.js";
import { type OutboxRelay, startOutboxRelay } from "./outbox-relay.js";
import { openSqliteHandle } from "./subgraph-stores.js";

const redisUrl = await redisForTests();
const prefix = `venta:test:${randomUUID()}`;
afterAll(() => (redisUrl ? deleteRedisKeys(redisUrl, prefix) : undefined));

const closers: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const close of closers.splice(0).reverse()) await close();
});

/** A subgraph's database file, opened the way another process of it would: a connection of its own. */
function subgraphDatabase(file: string) {
  const { db, outbox } = openSqliteHandle(dirname(file), basename(file, ".db"), []);
  db.exec("CREATE TABLE IF NOT EXISTS vendors (id TEXT PRIMARY KEY)");
  const insert = db.prepare("INSERT INTO vendors (id) VALUES (?)");
  /** A vendor written with its announcement, in one transaction. */
  const createVendor = (vendorId: string): DomainEvent => {
    const event = newEvent(created, snapshot(vendorId));
    db.transaction(() => {
      insert.run(vendorId);
      outbox.add([event]);
    })();
    return event;
  };
  closers.push(() => {
    if (db.open) db.close();
  });
  return { db, outbox, createVendor };
}

const tempFile = (name: string) => join(mkdtempSync(join(tmpdir(), "venta-outbox-")), name);

function sqliteBus(): EventBus {
  const bus = new SqliteEventBus(tempFile("events.db"), testLogger, 10);
  closers.push(() => bus.close());
  return bus;
}

function relay(...args: Parameters<typeof startOutboxRelay>): OutboxRelay {
  const started = startOutboxRelay(...args);
  closers.push(() => started.stop());
  return started;
}

function received(bus: EventBus, consumer = "observer") {
  const seen: DomainEvent[] = [];
  const consumption = bus.consume(consumer, [created], (event) => {
    seen.push(event);
  });
  closers.push(() => consumption.stop());
  return seen;
}

describe("outbox relay", () => {
  it("publishes events committed while no relay ran once a relay starts, keeping their ids", async () => {
    const file = tempFile("marketplace.db");
    const before = subgraphDatabase(file);
    const written = ["a", "b", "c"].map(before.createVendor);
    // The process that wrote them is gone; another one starts over the same file.
    before.db.close();
    const after = subgraphDatabase(file);
    const bus = sqliteBus();
    const seen = received(bus);
    relay({ outbox: after.outbox, bus, log: testLogger });
    await until(() => seen.length === 3);
    expect(seen).toEqual(written);
    await until(async () => (await after.outbox.count()) === 0);
  });

  it("publishes right after a commit, without waiting for its poll", async () => {
    const { outbox, createVendor } = subgraphDatabase(tempFile("marketplace.db"));
    const bus = sqliteBus();
    const seen = received(bus);
    relay({ outbox, bus, log: testLogger, pollMs: 3_600_000 });
    const event = createVendor("a");
    await until(() => seen.length === 1);
    expect(seen[0]?.id).toBe(event.id);
  });

  it("records each published event's delay from its commit under the relay's service", async () => {
    const { outbox, createVendor } = subgraphDatabase(tempFile("marketplace.db"));
    const bus = sqliteBus();
    const service = `relay-${randomUUID()}`;
    for (const id of ["a", "b", "c"]) createVendor(id);
    await relay({ outbox, bus, log: testLogger, service }).flush();
    expect(await histogramCount("venta_outbox_publish_delay_seconds", { service })).toBe(3);
  });

  it("publishes a backlog larger than one batch in order", async () => {
    const { outbox, createVendor } = subgraphDatabase(tempFile("marketplace.db"));
    const written = Array.from({ length: 25 }, (_, i) => createVendor(`v${i}`));
    const bus = sqliteBus();
    const seen = received(bus);
    await relay({ outbox, bus, log: testLogger, batchSize: 4 }).flush();
    await until(() => seen.length === 25);
    expect(seen.map((event) => event.id)).toEqual(written.map((event) => event.id));
  });

  it("keeps one lease through a pass while commits keep waking it, publishing every event in order", async () => {
    const { outbox, createVendor } = subgraphDatabase(tempFile("marketplace.db"));
    const bus = sqliteBus();
    const seen = received(bus);
    // A bus with a round trip's delay, so commits land while the relay publishes.
    const publishEvents = bus.publishEvents.bind(bus);
    vi.spyOn(bus, "publishEvents").mockImplementation(async (events) => {
      await new Promise((resolve) => setTimeout(resolve, 5));
      await publishEvents(events);
    });
    const acquire = vi.spyOn(outbox, "acquire");
    const release = vi.spyOn(outbox, "release");
    relay({ outbox, bus, log: testLogger, pollMs: 3_600_000 });
    const written: DomainEvent[] = [];
    for (let i = 0; i < 40; i += 1) {
      written.push(createVendor(`v${i}`));
      await new Promise((resolve) => setTimeout(resolve, 1));
    }
    await until(() => seen.length === 40);
    expect(seen.map((event) => event.id)).toEqual(written.map((event) => event.id));
    // Woken by forty commits; a relay giving its lease back after every batch would take it ~forty times.
    expect(acquire.mock.calls.length).toBeLessThanOrEqual(3);
    expect(release.mock.calls.length).toBe(acquire.mock.calls.length);
  });

  it("keeps the events while the bus fails, and publishes them on a later pass", async () => {
    const { outbox, createVendor } = subgraphDatabase(tempFile("marketplace.db"));
    const broken = new SqliteEventBus(tempFile("events.db"), testLogger, 10);
    await broken.close();
    const event = createVendor("a");
    const failing = startOutboxRelay({ outbox, bus: broken, log: testLogger });
    await failing.flush();
    await failing.stop();
    expect(await outbox.oldest(10)).toEqual([event]);
    const bus = sqliteBus();
    const seen = received(bus);
    relay({ outbox, bus, log: testLogger });
    await until(() => seen.length === 1);
    expect(seen).toEqual([event]);
  });

  if (redisUrl) {
    it("publishes each event once when several processes of a subgraph relay one outbox", async () => {
      const file = tempFile("marketplace.db");
      const processes = [subgraphDatabase(file), subgraphDatabase(file), subgraphDatabase(file)];
      const stream = `${prefix}:${randomUUID()}`;
      const buses = processes.map(() => new RedisEventBus(redisUrl, testLogger, stream));
      for (const bus of buses) closers.push(() => bus.close());
      processes.forEach(({ outbox }, i) => {
        relay({ outbox, bus: buses[i] as EventBus, log: testLogger, pollMs: 20 });
      });
      const seen = received(buses[0] as EventBus);
      const written: DomainEvent[] = [];
      for (let i = 0; i < 60; i += 1) {
        written.push((processes[i % 3] as (typeof processes)[number]).createVendor(`v${i}`));
        if (i % 10 === 0) await new Promise((resolve) => setImmediate(resolve));
      }
      await until(() => seen.length >= 60);
      await Promise.all(processes.map(({ outbox }) => until(async () => (await outbox.count()) === 0)));
      await new Promise((resolve) => setTimeout(resolve, 200));
      expect(seen.map((event) => event.id)).toEqual(written.map((event) => event.id));
    });
  } else {
    it.skip("publishes each event once across processes (Redis not reachable)", () => {});
  }
});
