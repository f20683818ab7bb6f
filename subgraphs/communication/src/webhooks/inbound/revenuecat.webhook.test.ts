import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { type WebhooksHarness, webhooksHarness } from "../webhooks.harness.js";

const AUTH = "Bearer rc-shared-secret-for-tests";

const rcEvent = (id: string, type: string, extra: Record<string, unknown> = {}) =>
  JSON.stringify({
    api_version: "1.0",
    event: {
      id,
      type,
      app_user_id: "vendor-7",
      original_app_user_id: "vendor-7",
      product_id: "venta_pro_monthly",
      entitlement_ids: ["pro"],
      period_type: "NORMAL",
      original_transaction_id: "1000000123",
      purchased_at_ms: 1_780_000_000_000,
      expiration_at_ms: 1_782_592_000_000,
      event_timestamp_ms: 1_780_000_001_000,
      environment: "PRODUCTION",
      store: "APP_STORE",
      ...extra,
    },
  });

const settle = () => new Promise((resolve) => setTimeout(resolve, 200));

describe("POST /webhooks/revenuecat", () => {
  let h: WebhooksHarness;
  beforeEach(async () => {
    h = await webhooksHarness({ env: { REVENUECAT_WEBHOOK_AUTH: AUTH } });
  });
  afterEach(() => h.close());

  it("turns a vendor's plan lifecycle into subscription changes, each once", async () => {
    const changes = h.seen(["payment.subscription_changed"]);
    const started = rcEvent("rc-1", "INITIAL_PURCHASE");
    const switched = rcEvent("rc-2", "PRODUCT_CHANGE", { new_product_id: "venta_pro_yearly" });
    const expired = rcEvent("rc-3", "EXPIRATION", { expiration_at_ms: null });
    for (const body of [started, switched, expired, started])
      expect((await h.post("/webhooks/revenuecat", body, { authorization: AUTH })).status).toBe(200);
    await expect.poll(() => changes.length).toBe(3);
    await settle();
    expect(changes.map((e) => e.payload)).toEqual([
      {
        vendorId: "vendor-7",
        subscriptionId: "1000000123",
        provider: "REVENUECAT",
        change: "STARTED",
        productId: "venta_pro_monthly",
        entitlementIds: ["pro"],
        periodType: "NORMAL",
        expiresAt: new Date(1_782_592_000_000).toISOString(),
        environment: "PRODUCTION",
        at: new Date(1_780_000_001_000).toISOString(),
      },
      expect.objectContaining({ change: "PRODUCT_CHANGED", newProductId: "venta_pro_yearly" }),
      expect.objectContaining({ change: "EXPIRED", expiresAt: null }),
    ]);
  });

  it("refuses a wrong or missing Authorization header with 400, storing nothing", async () => {
    const body = rcEvent("rc-4", "RENEWAL");
    expect((await h.post("/webhooks/revenuecat", body, { authorization: "Bearer guessed" })).status).toBe(
      400,
    );
    expect((await h.post("/webhooks/revenuecat", body, { authorization: `${AUTH}x` })).status).toBe(400);
    expect((await h.post("/webhooks/revenuecat", body)).status).toBe(400);
    expect((await h.stores.inboundWebhooks.list({ first: 10 })).totalCount).toBe(0);
  });

  it("ignores test events and anonymous buyers, announcing nothing", async () => {
    const changes = h.seen(["payment.subscription_changed"]);
    const test = rcEvent("rc-5", "TEST");
    const anonymous = rcEvent("rc-6", "INITIAL_PURCHASE", { app_user_id: "$RCAnonymousID:abc" });
    for (const body of [test, anonymous])
      expect((await h.post("/webhooks/revenuecat", body, { authorization: AUTH })).status).toBe(200);
    await expect
      .poll(async () => (await h.stores.inboundWebhooks.list({ first: 10, status: "IGNORED" })).totalCount)
      .toBe(2);
    expect(changes).toHaveLength(0);
  });
});
