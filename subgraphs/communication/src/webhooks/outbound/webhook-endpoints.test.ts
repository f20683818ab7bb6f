import { partnerViewer } from "@venta/auth";
import { ConfigError } from "@venta/kit";
import { afterEach, describe, expect, it } from "vitest";
import { communicationHarness } from "../../communication.harness.js";
import { endpointPolicy } from "../webhooks.js";

const eatMap = partnerViewer({ keyId: "key-eatmap", name: "Eat Map", scopes: ["READ"] });

const CREATE = `mutation ($input: CreateWebhookSubscriptionInput!) {
  createWebhookSubscription(input: $input) { subscription { id url } }
}`;
const UPDATE = `mutation ($id: ID!, $input: UpdateWebhookSubscriptionInput!) {
  updateWebhookSubscription(id: $id, input: $input) { id url }
}`;

describe("where partner endpoints may be", () => {
  let h: Awaited<ReturnType<typeof communicationHarness>> | undefined;
  afterEach(async () => {
    await h?.close();
    h = undefined;
  });

  it("refuses a loopback, private or metadata URL at subscription by default, naming the field", async () => {
    h = await communicationHarness();
    for (const url of [
      "http://127.0.0.1:4001/graphql",
      "http://2130706433:4001/",
      "http://[::ffff:127.0.0.1]:6379/",
      "http://169.254.169.254/latest/meta-data/",
      "http://localhost:5432/",
      "http://10.0.0.5/",
    ]) {
      const result = await h.run(CREATE, { input: { url, eventTypes: ["VENDOR_UPDATED"] } }, eatMap);
      expect(result.errors?.[0]?.extensions).toEqual({ code: "BAD_USER_INPUT", field: "url" });
      expect(result.errors?.[0]?.message).toBe("url must point at a public internet address");
    }
    expect((await h.services.webhooks.webhookSubscriptions.list({ first: 10 })).totalCount).toBe(0);
  });

  it("refuses to move an existing subscription to a loopback URL", async () => {
    h = await communicationHarness();
    const created = await h.run(
      CREATE,
      { input: { url: "https://8.8.8.8/hooks", eventTypes: ["VENDOR_UPDATED"] } },
      eatMap,
    );
    expect(created.errors).toBeUndefined();
    const id = (created.data as { createWebhookSubscription: { subscription: { id: string } } })
      .createWebhookSubscription.subscription.id;
    const moved = await h.run(UPDATE, { id, input: { url: "http://0x7f.1:4003/" } }, eatMap);
    expect(moved.errors?.[0]?.extensions).toEqual({ code: "BAD_USER_INPUT", field: "url" });
    expect((await h.services.webhooks.webhookSubscriptions.findById(id))?.url).toBe("https://8.8.8.8/hooks");
  });

  it("accepts a loopback URL when development explicitly allows private targets", async () => {
    h = await communicationHarness({ WEBHOOK_ALLOW_PRIVATE_TARGETS: "true" });
    const result = await h.run(
      CREATE,
      { input: { url: "http://127.0.0.1:9999/hooks", eventTypes: ["VENDOR_UPDATED"] } },
      eatMap,
    );
    expect(result.errors).toBeUndefined();
  });

  it("refuses to start in production with private targets allowed, and requires https there", () => {
    expect(() => endpointPolicy({ NODE_ENV: "production", WEBHOOK_ALLOW_PRIVATE_TARGETS: true })).toThrow(
      ConfigError,
    );
    expect(endpointPolicy({ NODE_ENV: "production", WEBHOOK_ALLOW_PRIVATE_TARGETS: false })).toMatchObject({
      requireHttps: true,
      allowPrivateTargets: false,
    });
    for (const NODE_ENV of ["development", "test"] as const)
      expect(endpointPolicy({ NODE_ENV, WEBHOOK_ALLOW_PRIVATE_TARGETS: false })).toMatchObject({
        requireHttps: false,
        allowPrivateTargets: false,
      });
  });
});
