import { partnerViewer, personViewer, type Viewer } from "@venta/auth";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { type WebhooksHarness, webhooksHarness } from "../webhooks.harness.js";
import { startReceiver } from "./webhook-receiver.harness.js";

const eatMap = partnerViewer({ keyId: "key-eatmap", name: "Eat Map", scopes: ["READ"] });
const cityGuide = partnerViewer({ keyId: "key-cityguide", name: "City Guide", scopes: ["READ"] });
const admin = personViewer("admin-1", ["ADMIN"]);

const CREATE = `mutation ($input: CreateWebhookSubscriptionInput!) {
  createWebhookSubscription(input: $input) { subscription { id } }
}`;
const SUBSCRIPTION = `query ($id: ID!) { webhookSubscription(id: $id) { id status disabledReason } }`;
const ENABLE = `mutation ($id: ID!) { enableWebhookSubscription(id: $id) { id status } }`;

const vendorUpdated = (name: string) => ({
  vendorId: "vendor-1",
  name,
  cuisines: ["tacos"],
  status: "OPEN" as const,
  version: 3,
  updatedAt: "2026-06-01T12:00:00.000Z",
  verification: "VERIFIED" as const,
});

describe("a revoked partner key's webhooks", () => {
  let h: WebhooksHarness;
  let eatMapEndpoint: Awaited<ReturnType<typeof startReceiver>>;
  let cityGuideEndpoint: Awaited<ReturnType<typeof startReceiver>>;

  const subscribe = async (viewer: Viewer, url: string) => {
    const result = await h.run(CREATE, { input: { url, eventTypes: ["VENDOR_UPDATED"] } }, viewer);
    expect(result.errors).toBeUndefined();
    return (result.data as { createWebhookSubscription: { subscription: { id: string } } })
      .createWebhookSubscription.subscription.id;
  };
  const deliveriesOf = (subscriptionId: string) =>
    h.stores.webhookDeliveries.list({ first: 10, subscriptionId }).then((page) => page.records);

  beforeEach(async () => {
    eatMapEndpoint = await startReceiver(() => 204);
    cityGuideEndpoint = await startReceiver(() => 204);
    h = await webhooksHarness();
  });
  afterEach(async () => {
    await h.close();
    await Promise.all([eatMapEndpoint.close(), cityGuideEndpoint.close()]);
  });

  it("get no delivery attempt once the key is revoked, even before the revocation's event arrives", async () => {
    const eatMapSubscription = await subscribe(eatMap, eatMapEndpoint.url);
    await subscribe(cityGuide, cityGuideEndpoint.url);
    await h.bus.publish("marketplace.vendor_updated", vendorUpdated("Taco Loco"));
    await expect.poll(() => eatMapEndpoint.received.length).toBe(1);
    await expect.poll(() => cityGuideEndpoint.received.length).toBe(1);

    // Marketplace has committed the revocation; its event has not reached communication yet.
    h.partnerKeys.revoke("key-eatmap");
    await h.bus.publish("marketplace.vendor_updated", vendorUpdated("Taco Loco Deluxe"));
    await expect.poll(() => cityGuideEndpoint.received.length).toBe(2);
    await expect
      .poll(async () => (await deliveriesOf(eatMapSubscription)).map((d) => [d.status, d.failureReason]))
      .toEqual([
        ["FAILED", "the partner key was revoked"],
        ["SUCCEEDED", null],
      ]);
    expect(eatMapEndpoint.received).toHaveLength(1);
    expect((await deliveriesOf(eatMapSubscription))[0]?.attempts).toEqual([]);
    expect(await h.stores.webhookSubscriptions.findById(eatMapSubscription)).toMatchObject({
      status: "DISABLED",
      disabledReason: "KEY_REVOKED",
    });
  });

  it("are disabled and their queued deliveries cancelled by the revocation's event, once however often it comes", async () => {
    const eatMapSubscription = await subscribe(eatMap, eatMapEndpoint.url);
    const cityGuideSubscription = await subscribe(cityGuide, cityGuideEndpoint.url);
    // While marketplace cannot be asked, deliveries wait in the queue.
    h.partnerKeys.setReachable(false);
    await h.bus.publish("marketplace.vendor_updated", vendorUpdated("Taco Loco"));
    await expect.poll(() => h.partnerKeys.asked.includes("key-eatmap")).toBe(true);
    expect((await deliveriesOf(eatMapSubscription)).map((d) => d.status)).toEqual(["PENDING"]);

    const revocation = { keyId: "key-eatmap", revokedAt: new Date().toISOString() };
    await h.bus.publish("marketplace.partner_key_revoked", revocation);
    await h.bus.publish("marketplace.partner_key_revoked", revocation);
    await expect
      .poll(async () => (await deliveriesOf(eatMapSubscription)).map((d) => [d.status, d.failureReason]))
      .toEqual([["FAILED", "the partner key was revoked"]]);
    expect(eatMapEndpoint.received).toEqual([]);
    expect((await deliveriesOf(cityGuideSubscription)).map((d) => d.status)).toEqual(["PENDING"]);

    // Kept for admins to see, disabled for good.
    expect((await h.run(SUBSCRIPTION, { id: eatMapSubscription }, admin)).data?.webhookSubscription).toEqual({
      id: eatMapSubscription,
      status: "DISABLED",
      disabledReason: "KEY_REVOKED",
    });
    const enabled = await h.run(ENABLE, { id: eatMapSubscription }, admin);
    expect(enabled.errors?.[0]?.extensions).toMatchObject({ code: "CONFLICT", field: "id" });
    expect((await h.stores.webhookSubscriptions.findById(eatMapSubscription))?.status).toBe("DISABLED");

    // A later event makes no delivery for the revoked key at all.
    await h.bus.publish("marketplace.vendor_updated", vendorUpdated("Taco Loco Deluxe"));
    await expect.poll(async () => (await deliveriesOf(cityGuideSubscription)).length).toBe(2);
    expect(await deliveriesOf(eatMapSubscription)).toHaveLength(1);
  });

  it("wait, sending nothing, while marketplace cannot say whether the key is live", async () => {
    const subscription = await subscribe(eatMap, eatMapEndpoint.url);
    h.partnerKeys.setReachable(false);
    await h.bus.publish("marketplace.vendor_updated", vendorUpdated("Taco Loco"));
    await expect.poll(() => h.partnerKeys.asked.length).toBeGreaterThan(0);
    const [waiting] = await deliveriesOf(subscription);
    expect(waiting).toMatchObject({ status: "PENDING", attempts: [] });
    expect(eatMapEndpoint.received).toEqual([]);
    expect((await h.stores.webhookSubscriptions.findById(subscription))?.status).toBe("ACTIVE");
  });
});
