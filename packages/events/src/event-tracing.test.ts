import { randomUUID } from "node:crypto";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { trace } from "@opentelemetry/api";
import { node, tracing } from "@opentelemetry/sdk-node";
import { markTracingStarted } from "@venta/kit";
import { deleteRedisKeys, redisForTests, testLogger } from "@venta/testing";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import type { DomainEvent } from "./catalogue.js";
import { created, snapshot, until } from "./event-bus.harness.js";
import type { EventBus } from "./event-bus.js";
import { RedisEventBus } from "./event-bus.redis.js";
import { SqliteEventBus } from "./event-bus.sqlite.js";
import { newEvent } from "./outbox.js";
import { startOutboxRelay } from "./outbox-relay.js";
import { openSqliteHandle } from "./subgraph-stores.js";

const redisUrl = await redisForTests();
const prefix = `venta:test:${randomUUID()}`;
const exporter = new tracing.InMemorySpanExporter();
const tracer = trace.getTracer("producer");

beforeAll(() => {
  // This test file's worker traces in memory, as a service with OTEL_EXPORTER_OTLP_ENDPOINT would over OTLP.
  const provider = new node.NodeTracerProvider({
    spanProcessors: [new tracing.SimpleSpanProcessor(exporter)],
  });
  provider.register();
  markTracingStarted();
});
afterAll(() => (redisUrl ? deleteRedisKeys(redisUrl, prefix) : undefined));

const closers: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const close of closers.splice(0).reverse()) await close();
  exporter.reset();
});

const tempDir = () => mkdtempSync(join(tmpdir(), "venta-event-tracing-"));

function received(bus: EventBus) {
  const seen: DomainEvent[] = [];
  const consumption = bus.consume("observer", [created], (event) => {
    seen.push(event);
  });
  closers.push(() => consumption.stop());
  return seen;
}

/** The consumer's span for `event`, and the producer's span context it links to. */
function consumerSpanOf(event: DomainEvent) {
  const span = exporter
    .getFinishedSpans()
    .find((candidate) => candidate.attributes["messaging.message.id"] === event.id);
  expect(span?.name).toBe(`consume ${created}`);
  return span as tracing.ReadableSpan;
}

describe("trace context across the event bus", () => {
  it("records the producer's context through the outbox, and the consumer's span links to it", async () => {
    const dir = tempDir();
    const { db, outbox } = openSqliteHandle(dir, "marketplace", []);
    closers.push(() => {
      db.close();
    });
    const bus = new SqliteEventBus(join(dir, "events.db"), testLogger, 10);
    closers.push(() => bus.close());
    const seen = received(bus);
    const relay = startOutboxRelay({ outbox, bus, log: testLogger });
    closers.push(() => relay.stop());

    const producer = tracer.startActiveSpan("createVendor", (span) => {
      outbox.add([newEvent(created, snapshot("v-1"))]);
      span.end();
      return span.spanContext();
    });
    await until(() => seen.length === 1);
    const event = seen[0] as DomainEvent;
    expect(event.traceparent).toBe(`00-${producer.traceId}-${producer.spanId}-01`);

    const consumer = consumerSpanOf(event);
    // Its own trace, linked to the producer's span: a delivery is not part of the request.
    expect(consumer.spanContext().traceId).not.toBe(producer.traceId);
    expect(consumer.links.map((link) => link.context)).toEqual([
      expect.objectContaining({ traceId: producer.traceId, spanId: producer.spanId }),
    ]);
  });

  it("keeps events without a trace context as they were", async () => {
    const bus = new SqliteEventBus(join(tempDir(), "events.db"), testLogger, 10);
    closers.push(() => bus.close());
    const seen = received(bus);
    const untraced = newEvent(created, snapshot("v-2"));
    expect(untraced).not.toHaveProperty("traceparent");
    await bus.publishEvents([untraced]);
    await until(() => seen.length === 1);
    expect(seen).toEqual([untraced]);
    expect(consumerSpanOf(untraced).links).toEqual([]);
  });

  it.runIf(redisUrl)("carries the producer's context over Redis streams", async () => {
    const bus = new RedisEventBus(redisUrl as string, testLogger, `${prefix}:events`);
    closers.push(() => bus.close());
    const seen = received(bus);
    const producer = await tracer.startActiveSpan("publish", async (span) => {
      await bus.publish(created, snapshot("v-3"));
      span.end();
      return span.spanContext();
    });
    await until(() => seen.length === 1);
    const consumer = consumerSpanOf(seen[0] as DomainEvent);
    expect(consumer.links[0]?.context).toMatchObject({ traceId: producer.traceId, spanId: producer.spanId });
  });

  it("gives a batch one consumer span that links to every producer's span", async () => {
    const bus = new SqliteEventBus(join(tempDir(), "events.db"), testLogger, 10);
    closers.push(() => bus.close());
    const producers = ["v-4", "v-5"].map((vendorId) =>
      tracer.startActiveSpan("createVendor", (span) => {
        const event = newEvent(created, snapshot(vendorId));
        span.end();
        return { event, context: span.spanContext() };
      }),
    );
    await bus.publishEvents([...producers.map((p) => p.event), newEvent(created, snapshot("v-6"))]);
    const seen: DomainEvent[] = [];
    const consumption = bus.consumeBatches("batch-observer", [created], (events) => {
      seen.push(...events);
    });
    closers.push(() => consumption.stop());
    await until(() => seen.length === 3);
    const spans = exporter
      .getFinishedSpans()
      .filter((span) => span.attributes["messaging.consumer.group.name"] === "batch-observer");
    expect(spans).toHaveLength(1);
    expect(spans[0]?.name).toBe(`consume ${created}`);
    expect(spans[0]?.attributes["messaging.batch.message_count"]).toBe(3);
    expect(spans[0]?.links.map((link) => link.context)).toEqual(
      producers.map(({ context }) =>
        expect.objectContaining({ traceId: context.traceId, spanId: context.spanId }),
      ),
    );
  });
});
