import { readFileSync } from "node:fs";
import { anonymous, partnerViewer, personViewer, type Viewer } from "@venta/auth";
import { verifyVentaSignature } from "@venta/client";
import { repoRoot } from "@venta/kit";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { type WebhooksHarness, webhooksHarness } from "../webhooks.harness.js";
import { verifyVentaWebhook } from "./verify-signature.example.js";
import { startReceiver } from "./webhook-receiver.harness.js";

const eatMap = partnerViewer({ keyId: "key-eatmap", name: "Eat Map", scopes: ["READ"] });
const cityGuide = partnerViewer({ keyId: "key-cityguide", name: "City Guide", scopes: ["READ"] });
const admin = personViewer("admin-1", ["ADMIN"]);
const customer = personViewer("casey", ["CUSTOMER"]);

const CREATE = `mutation ($input: CreateWebhookSubscriptionInput!) {
  createWebhookSubscription(input: $input) { signingSecret subscription { id status partnerKeyId signingSecretPrefix } }
}`;
const DELIVERIES = `query ($subscriptionId: ID, $status: WebhookDeliveryStatus) {
  webhookDeliveries(subscriptionId: $subscriptionId, status: $status) {
    totalCount
    edges { node { id eventId eventType status attemptCount lastResponseStatus lastDurationMs nextRetryAt failureReason
      attempts { number attemptedAt responseStatus durationMs succeeded error } } }
  }
}`;
const SUBSCRIPTION = `query ($id: ID!) { webhookSubscription(id: $id) { id status disabledReason consecutiveFailures } }`;

interface DeliveryNode {
  id: string;
  eventId: string;
  eventType: string;
  status: string;
  attemptCount: number;
  lastResponseStatus: number | null;
  nextRetryAt: Date | null;
  failureReason: string | null;
  attempts: {
    number: number;
    attemptedAt: Date;
    responseStatus: number | null;
    succeeded: boolean;
    error: string | null;
  }[];
}

const code = (result: { errors?: readonly { extensions?: { code?: unknown } }[] }) =>
  result.errors?.[0]?.extensions?.code ?? "allowed";

const vendorUpdated = (vendorId: string) => ({
  vendorId,
  name: "Taco Loco",
  cuisines: ["tacos"],
  status: "OPEN" as const,
  version: 3,
  updatedAt: "2026-06-01T12:00:00.000Z",
  verification: "VERIFIED" as const,
});

describe("webhook deliveries to partners", () => {
  let h: WebhooksHarness;
  let receiver: Awaited<ReturnType<typeof startReceiver>>;
  let failing = false;

  const subscribe = async (viewer: Viewer, url: string, eventTypes = ["VENDOR_UPDATED"]) => {
    const result = await h.run(CREATE, { input: { url, eventTypes } }, viewer);
    expect(result.errors).toBeUndefined();
    return (
      result.data as { createWebhookSubscription: { signingSecret: string; subscription: { id: string } } }
    ).createWebhookSubscription;
  };
  const deliveries = async (viewer: Viewer, variables: Record<string, unknown> = {}) => {
    const result = await h.run(DELIVERIES, variables, viewer);
    expect(result.errors).toBeUndefined();
    return (result.data as { webhookDeliveries: { totalCount: number; edges: { node: DeliveryNode }[] } })
      .webhookDeliveries;
  };

  beforeEach(async () => {
    failing = false;
    receiver = await startReceiver(() => (failing ? 503 : 204));
    h = await webhooksHarness({
      env: { WEBHOOK_DELIVERY_MAX_ATTEMPTS: "6", WEBHOOK_DISABLE_AFTER_FAILURES: "4" },
    });
  });
  afterEach(async () => {
    await h.close();
    await receiver.close();
  });

  it("delivers a signed event that the receiver verifies exactly as the docs say, and logs the attempt", async () => {
    const { signingSecret, subscription } = await subscribe(eatMap, receiver.url);
    expect(signingSecret).toMatch(/^whsec_[A-Za-z0-9_-]{43}$/);
    const published = await h.bus.publish("marketplace.vendor_updated", vendorUpdated("vendor-1"));
    await expect.poll(() => receiver.received.length).toBe(1);
    const [arrived] = receiver.received;
    const header = String(arrived?.headers["venta-signature"]);
    expect(header).toMatch(/^t=\d+,v1=[0-9a-f]{64}$/);
    expect(verifyVentaWebhook(arrived?.body ?? "", header, signingSecret)).toBe(true);
    expect(
      await verifyVentaSignature({ body: arrived?.body ?? "", signature: header, secret: signingSecret }),
    ).toBe(true);
    expect(verifyVentaWebhook(arrived?.body ?? "", header, "whsec_someone_else")).toBe(false);
    expect(arrived?.headers["venta-event-id"]).toBe(`evt_${published.id}`);
    expect(arrived?.headers["venta-event-type"]).toBe("vendor.updated");
    expect(JSON.parse(arrived?.body ?? "")).toEqual({
      id: `evt_${published.id}`,
      type: "vendor.updated",
      createdAt: published.occurredAt,
      data: {
        vendorId: "vendor-1",
        name: "Taco Loco",
        cuisines: ["tacos"],
        description: null,
        status: "OPEN",
        updatedAt: "2026-06-01T12:00:00.000Z",
      },
    });
    await expect.poll(async () => (await deliveries(eatMap)).edges[0]?.node.status).toBe("SUCCEEDED");
    const log = await deliveries(eatMap, { subscriptionId: subscription.id });
    expect(log.totalCount).toBe(1);
    expect(log.edges[0]?.node).toMatchObject({
      eventId: `evt_${published.id}`,
      eventType: "VENDOR_UPDATED",
      attemptCount: 1,
      lastResponseStatus: 204,
      nextRetryAt: null,
      attempts: [{ number: 1, responseStatus: 204, succeeded: true, error: null }],
    });
  });

  it("delivers only the types subscribed to, nothing about hidden vendors, and never a review's author", async () => {
    await subscribe(eatMap, receiver.url, ["REVIEW_PUBLISHED", "VENDOR_UPDATED"]);
    await h.bus.publish("marketplace.vendor_updated", {
      ...vendorUpdated("vendor-draft"),
      verification: "DRAFT",
    });
    await h.bus.publish("marketplace.rating_changed", {
      vendorId: "vendor-1",
      average: 5,
      count: 1,
      updatedAt: "2026-06-01T13:00:00.000Z",
    });
    await h.bus.publish("marketplace.review_submitted", {
      reviewId: "r-1",
      vendorId: "vendor-1",
      authorId: "casey",
      rating: 5,
      status: "PENDING",
      submittedAt: "2026-06-01T12:00:00.000Z",
    });
    await h.bus.publish("marketplace.review_moderated", {
      reviewId: "r-1",
      vendorId: "vendor-1",
      decision: "APPROVED",
      moderatorId: "admin-1",
      at: "2026-06-01T13:00:00.000Z",
    });
    await expect.poll(() => receiver.received.length).toBe(1);
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(receiver.received).toHaveLength(1);
    const event = JSON.parse(receiver.received[0]?.body ?? "");
    expect(event).toMatchObject({
      type: "review.published",
      data: { reviewId: "r-1", vendorId: "vendor-1" },
    });
    expect(JSON.stringify(event)).not.toContain("casey");
  });

  it("retries a failing endpoint with growing pauses, then disables the subscription and gives up", async () => {
    failing = true;
    const { subscription } = await subscribe(eatMap, receiver.url);
    await h.bus.publish("marketplace.vendor_updated", vendorUpdated("vendor-1"));
    await expect
      .poll(
        async () => (await h.run(SUBSCRIPTION, { id: subscription.id }, eatMap)).data?.webhookSubscription,
        {
          timeout: 10_000,
        },
      )
      .toEqual({
        id: subscription.id,
        status: "DISABLED",
        disabledReason: "FAILING",
        consecutiveFailures: 4,
      });
    expect(receiver.received).toHaveLength(4);
    const log = await deliveries(eatMap);
    // Each retry starts no sooner than the policy's shortest pause after the one before: 20 ms × 4ⁿ⁻¹,
    // less 20 % jitter. Read from the recorded attempts, not arrival times, which a busy machine skews.
    const starts = [...(log.edges[0]?.node.attempts ?? [])]
      .sort((a, b) => a.number - b.number)
      .map((a) => new Date(a.attemptedAt).getTime());
    const gaps = starts.slice(1).map((start, i) => start - (starts[i] ?? 0));
    expect(gaps).toHaveLength(3);
    for (const [i, gap] of gaps.entries()) expect(gap).toBeGreaterThanOrEqual(Math.floor(0.8 * 20 * 4 ** i));
    expect(log.edges[0]?.node).toMatchObject({
      status: "FAILED",
      attemptCount: 4,
      lastResponseStatus: 503,
      nextRetryAt: null,
      failureReason: "the subscription was disabled",
    });
    expect(log.edges[0]?.node.attempts.map((a) => [a.number, a.responseStatus, a.succeeded])).toEqual([
      [1, 503, false],
      [2, 503, false],
      [3, 503, false],
      [4, 503, false],
    ]);
    // Nothing more is sent while disabled; the partner turns it back on and retries the delivery.
    await h.bus.publish("marketplace.vendor_updated", vendorUpdated("vendor-2"));
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(receiver.received).toHaveLength(4);
    failing = false;
    const enabled = await h.run(
      `mutation ($id: ID!) { enableWebhookSubscription(id: $id) { status consecutiveFailures disabledReason } }`,
      { id: subscription.id },
      eatMap,
    );
    expect(enabled.data?.enableWebhookSubscription).toEqual({
      status: "ACTIVE",
      consecutiveFailures: 0,
      disabledReason: null,
    });
    const failed = log.edges[0]?.node.id;
    const retried = await h.run(
      `mutation ($id: ID!) { retryWebhookDelivery(id: $id) { status } }`,
      { id: failed },
      eatMap,
    );
    expect(retried.data?.retryWebhookDelivery).toEqual({ status: "PENDING" });
    await expect.poll(() => receiver.received.length).toBe(5);
    await expect.poll(async () => (await deliveries(eatMap, { status: "SUCCEEDED" })).totalCount).toBe(1);
  });

  it("gives up a delivery as FAILED when its own attempts run out", async () => {
    const flaky = await startReceiver(() => 500);
    try {
      const fresh = await webhooksHarness({
        env: { WEBHOOK_DELIVERY_MAX_ATTEMPTS: "3", WEBHOOK_DISABLE_AFTER_FAILURES: "50" },
      });
      try {
        const created = await fresh.run(
          CREATE,
          { input: { url: flaky.url, eventTypes: ["VENDOR_UPDATED"] } },
          eatMap,
        );
        expect(created.errors).toBeUndefined();
        await fresh.bus.publish("marketplace.vendor_updated", vendorUpdated("vendor-1"));
        await expect
          .poll(async () => (await fresh.stores.webhookDeliveries.list({ first: 5 })).records[0]?.status, {
            timeout: 10_000,
          })
          .toBe("FAILED");
        const [delivery] = (await fresh.stores.webhookDeliveries.list({ first: 5 })).records;
        expect(delivery?.attempts).toHaveLength(3);
        expect(delivery?.failureReason).toBe("the endpoint answered 500");
        expect(flaky.received).toHaveLength(3);
      } finally {
        await fresh.close();
      }
    } finally {
      await flaky.close();
    }
  });

  it("signs with the old and the new secret for a while after a rotation", async () => {
    const { signingSecret: old, subscription } = await subscribe(eatMap, receiver.url);
    const rotated = await h.run(
      `mutation ($id: ID!) { rotateWebhookSigningSecret(id: $id) { signingSecret subscription { previousSecretExpiresAt } } }`,
      { id: subscription.id },
      eatMap,
    );
    const fresh = (rotated.data?.rotateWebhookSigningSecret as { signingSecret: string } | undefined)
      ?.signingSecret;
    expect(fresh).not.toBe(old);
    await h.bus.publish("marketplace.vendor_updated", vendorUpdated("vendor-1"));
    await expect.poll(() => receiver.received.length).toBe(1);
    const header = String(receiver.received[0]?.headers["venta-signature"]);
    expect(header.split(",").filter((p) => p.startsWith("v1="))).toHaveLength(2);
    const body = receiver.received[0]?.body ?? "";
    expect(verifyVentaWebhook(body, header, fresh ?? "")).toBe(true);
    expect(verifyVentaWebhook(body, header, old)).toBe(true);
  });

  it("keeps partners apart: another partner can neither see nor manage a subscription or its deliveries", async () => {
    const { subscription } = await subscribe(eatMap, receiver.url);
    await h.bus.publish("marketplace.vendor_updated", vendorUpdated("vendor-1"));
    await expect.poll(async () => (await deliveries(eatMap)).totalCount).toBe(1);
    const deliveryId = (await deliveries(eatMap)).edges[0]?.node.id;
    expect(code(await h.run(SUBSCRIPTION, { id: subscription.id }, cityGuide))).toBe("NOT_FOUND");
    expect(code(await h.run(DELIVERIES, { subscriptionId: subscription.id }, cityGuide))).toBe("NOT_FOUND");
    expect(await deliveries(cityGuide)).toMatchObject({ totalCount: 0, edges: [] });
    const list = await h.run(`{ webhookSubscriptions { totalCount } }`, {}, cityGuide);
    expect(list.data?.webhookSubscriptions).toEqual({ totalCount: 0 });
    for (const mutation of [
      "disableWebhookSubscription",
      "rotateWebhookSigningSecret",
      "deleteWebhookSubscription",
    ])
      expect(
        code(
          await h.run(
            `mutation ($id: ID!) { ${mutation}(id: $id) { __typename } }`,
            { id: subscription.id },
            cityGuide,
          ),
        ),
      ).toBe("NOT_FOUND");
    expect(
      code(
        await h.run(
          `mutation ($id: ID!) { retryWebhookDelivery(id: $id) { id } }`,
          { id: deliveryId },
          cityGuide,
        ),
      ),
    ).toBe("NOT_FOUND");
    const taken = await h.run(
      CREATE,
      { input: { url: receiver.url, eventTypes: ["VENDOR_UPDATED"], partnerKeyId: "key-eatmap" } },
      cityGuide,
    );
    expect(code(taken)).toBe("FORBIDDEN");
    expect(code(await h.run(SUBSCRIPTION, { id: subscription.id }, customer))).toBe("FORBIDDEN");
    expect(code(await h.run(SUBSCRIPTION, { id: subscription.id }, anonymous))).toBe("UNAUTHENTICATED");
    // An admin sees and manages any partner's.
    expect((await deliveries(admin, { subscriptionId: subscription.id })).totalCount).toBe(1);
    const disabled = await h.run(
      `mutation ($id: ID!) { disableWebhookSubscription(id: $id) { status disabledReason } }`,
      { id: subscription.id },
      admin,
    );
    expect(disabled.data?.disableWebhookSubscription).toEqual({
      status: "DISABLED",
      disabledReason: "BY_OWNER",
    });
    expect((await h.stores.webhookSubscriptions.findById(subscription.id))?.status).toBe("DISABLED");
  });

  it("goes by the partner key, not a role: a key the router vouches for alone, or sent with a person's token", async () => {
    const keyOnly: Viewer = { userId: null, roles: [], partner: eatMap.partner };
    const keyWithPerson: Viewer = { userId: "casey", roles: ["CUSTOMER"], partner: eatMap.partner };
    const { subscription } = await subscribe(keyOnly, receiver.url);
    expect(code(await h.run(SUBSCRIPTION, { id: subscription.id }, keyWithPerson))).toBe("allowed");
    expect(code(await h.run(SUBSCRIPTION, { id: subscription.id }, eatMap))).toBe("allowed");
  });

  it("refuses bad input without writing anything", async () => {
    const attempts: [Record<string, unknown>, Viewer, string, string | undefined][] = [
      [{ url: "ftp://partner.example/h", eventTypes: ["VENDOR_UPDATED"] }, eatMap, "BAD_USER_INPUT", "url"],
      [{ url: "not a url", eventTypes: ["VENDOR_UPDATED"] }, eatMap, "BAD_USER_INPUT", "url"],
      [
        { url: "https://user:pw@partner.example/h", eventTypes: ["VENDOR_UPDATED"] },
        eatMap,
        "BAD_USER_INPUT",
        "url",
      ],
      [{ url: "https://partner.example/h", eventTypes: [] }, eatMap, "BAD_USER_INPUT", "eventTypes"],
      [
        { url: "https://partner.example/h", eventTypes: ["VENDOR_UPDATED"] },
        admin,
        "BAD_USER_INPUT",
        "partnerKeyId",
      ],
    ];
    for (const [input, viewer, expected, field] of attempts) {
      const result = await h.run(CREATE, { input }, viewer);
      expect(result.errors?.[0]?.extensions).toMatchObject({ code: expected, ...(field ? { field } : {}) });
    }
    expect((await h.stores.webhookSubscriptions.list({ first: 10 })).totalCount).toBe(0);
  });

  it("refuses plain http and internal hosts in production", async () => {
    const production = await webhooksHarness({
      env: {
        NODE_ENV: "production",
        INTERNAL_AUTH_SECRET: "x".repeat(32),
        WEBHOOK_ALLOW_PRIVATE_TARGETS: "false",
      },
    });
    try {
      for (const url of [
        "http://93.184.215.14/h",
        "https://127.0.0.1/h",
        "https://localhost/h",
        "https://[::1]/h",
        "https://10.1.2.3/h",
      ]) {
        const result = await production.run(
          CREATE,
          { input: { url, eventTypes: ["VENDOR_UPDATED"] } },
          eatMap,
        );
        expect(result.errors?.[0]?.extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "url" });
      }
      const ok = await production.run(
        CREATE,
        { input: { url: "https://93.184.215.14/h", eventTypes: ["VENDOR_UPDATED"] } },
        eatMap,
      );
      expect(ok.errors).toBeUndefined();
    } finally {
      await production.close();
    }
  });
});

describe("the partners' webhook guide", () => {
  it("shows the very verification code the tests run", () => {
    const guide = readFileSync(`${repoRoot()}/docs/webhooks.md`, "utf8");
    const example = readFileSync(new URL("./verify-signature.example.ts", import.meta.url), "utf8");
    expect(guide).toContain(example.trim());
  });
});
