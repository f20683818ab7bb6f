import { testLogger } from "@venta/testing";
import { describe, expect, it } from "vitest";
import { openSqlite } from "../../stores.js";
import type { InboundEventRecord } from "./inbound-event.record.js";
import { startInboundProcessing } from "./inbound-processing.js";
import { InboundWebhooksService } from "./inbound-webhooks.service.js";

const DAY = 86_400_000;
const NOW = new Date(Date.UTC(2026, 2, 1));
const ago = (ms: number) => new Date(NOW.getTime() - ms);

const done = (eventId: string, processedAt: Date): InboundEventRecord => ({
  id: `stripe:${eventId}`,
  provider: "STRIPE",
  eventId,
  type: "payment_intent.succeeded",
  body: `{"id":"${eventId}","data":{"object":{"metadata":{"userId":"casey"}}}}`,
  subjectUserId: "casey",
  receivedAt: processedAt,
  status: "PROCESSED",
  attempts: 1,
  nextAttemptAt: null,
  lastError: null,
  processedAt,
});

describe("inbound processing", () => {
  it("removes the bodies of events done longer ago than the retention, and only those", async () => {
    const stores = openSqlite(":memory:");
    await stores.inboundWebhooks.insert(done("evt_old", ago(8 * DAY)));
    await stores.inboundWebhooks.insert(done("evt_recent", ago(6 * DAY)));
    const processing = startInboundProcessing({
      store: stores.inboundWebhooks,
      inbound: new InboundWebhooksService(stores.inboundWebhooks, () => NOW),
      handlers: {
        CLERK: async () => ({ status: "IGNORED", reason: "not under test" }),
        STRIPE: async () => ({ status: "IGNORED", reason: "not under test" }),
        REVENUECAT: async () => ({ status: "IGNORED", reason: "not under test" }),
      },
      maxAttempts: 3,
      backoff: { baseMs: 20, factor: 2, maxMs: 100, jitter: 0 },
      bodyRetentionMs: 7 * DAY,
      pollMs: 20,
      log: testLogger,
      now: () => NOW,
    });
    try {
      await expect
        .poll(async () => (await stores.inboundWebhooks.findById("stripe:evt_old"))?.body)
        .toBeNull();
      expect(await stores.inboundWebhooks.findById("stripe:evt_old")).toMatchObject({
        status: "PROCESSED",
        subjectUserId: null,
      });
      expect(await stores.inboundWebhooks.findById("stripe:evt_recent")).toMatchObject({
        body: done("evt_recent", NOW).body,
        subjectUserId: "casey",
      });
    } finally {
      await processing.stop();
      await stores.close();
    }
  });
});
