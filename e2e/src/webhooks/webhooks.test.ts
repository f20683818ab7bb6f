import { createServer, type IncomingHttpHeaders, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { verifyVentaSignature } from "@venta/client";
import { eventually, postGraphQL, type Stack, startStack } from "@venta/testing";
import Stripe from "stripe";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { verifyVendor } from "../onboarding/verify-vendor.js";

const STRIPE_SECRET = "whsec_e2e_stripe_endpoint";

const payment = (id: string, intent: string) =>
  JSON.stringify({
    id,
    object: "event",
    type: "payment_intent.succeeded",
    created: Math.floor(Date.now() / 1000),
    data: {
      object: {
        id: intent,
        amount: 1500,
        amount_received: 1500,
        currency: "usd",
        metadata: { userId: "casey", vendorId: "v-1" },
      },
    },
  });

const stripeHeaders = (payload: string, timestamp?: number) => ({
  "content-type": "application/json",
  "stripe-signature": Stripe.webhooks.generateTestHeaderString({
    payload,
    secret: STRIPE_SECRET,
    ...(timestamp ? { timestamp } : {}),
  }),
});

/** Retries `attempt` until `done` says so or 15 s pass; the last value either way. */

/**
 * Webhooks through the router: providers' signed events are accepted once and forged ones refused;
 * a partner receives signed deliveries of what happens to vendors and reads their log.
 */
describe("webhooks through the router", () => {
  let stack: Stack;
  let receiver: Server;
  let receiverUrl: string;
  const received: { headers: IncomingHttpHeaders; body: string }[] = [];
  const api = (query: string, variables: Record<string, unknown>, headers: Record<string, string>) =>
    postGraphQL(`${stack.urls.router}/graphql`, query, variables, headers);
  const post = (path: string, body: string, headers: Record<string, string>) =>
    fetch(`${stack.urls.router}${path}`, { method: "POST", headers, body });

  beforeAll(async () => {
    receiver = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on("data", (chunk: Buffer) => chunks.push(chunk));
      req.on("end", () => {
        received.push({ headers: req.headers, body: Buffer.concat(chunks).toString("utf8") });
        res.writeHead(204).end();
      });
    });
    await new Promise<void>((resolve) => receiver.listen(0, "127.0.0.1", resolve));
    receiverUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/venta`;
    stack = await startStack({
      // The partner's endpoint is on this machine: private targets are an explicit test setting.
      env: { STRIPE_WEBHOOK_SECRET: STRIPE_SECRET, WEBHOOK_POLL_MS: "100", WEBHOOK_ALLOW_PRIVATE_TARGETS: "true" },
    });
  });
  afterAll(async () => {
    await stack?.close();
    await new Promise((resolve) => receiver.close(resolve));
  });

  it("accepts a signed Stripe event once and refuses forged, stale and unconfigured ones", async () => {
    const payload = payment("evt_e2e_1", "pi_e2e_1");
    const first = await post("/webhooks/stripe", payload, stripeHeaders(payload));
    expect(first.status).toBe(200);
    expect(await first.json()).toEqual({ received: true, replay: false });
    expect(await (await post("/webhooks/stripe", payload, stripeHeaders(payload))).json()).toEqual({
      received: true,
      replay: true,
    });
    const forged = { ...stripeHeaders(payload), "stripe-signature": "t=1,v1=00" };
    expect((await post("/webhooks/stripe", payload, forged)).status).toBe(400);
    const stale = Math.floor(Date.now() / 1000) - 301;
    expect((await post("/webhooks/stripe", payload, stripeHeaders(payload, stale))).status).toBe(400);
    expect((await post("/webhooks/clerk", "{}", { "content-type": "application/json" })).status).toBe(503);

    const admin = { authorization: `Bearer ${await stack.token("admin-1", ["ADMIN"])}` };
    const LIST = `{ inboundWebhookEvents(provider: STRIPE) { totalCount edges { node { id status } } } }`;
    const events = await eventually(
      () => api(LIST, {}, admin),
      (r) => JSON.stringify(r.data).includes("PROCESSED"),
    );
    expect(events.data?.inboundWebhookEvents).toEqual({
      totalCount: 1,
      edges: [{ node: { id: "stripe:evt_e2e_1", status: "PROCESSED" } }],
    });
  });

  it("delivers a signed vendor update to a partner's endpoint and shows it in webhookDeliveries", async () => {
    const admin = { authorization: `Bearer ${await stack.token("admin-1", ["ADMIN"])}` };
    const issue = async (name: string) => {
      const created = await api(
        `mutation ($input: CreatePartnerKeyInput!) { createPartnerKey(input: $input) { key } }`,
        { input: { name, scopes: ["READ"] } },
        admin,
      );
      return { "x-api-key": (created.data as { createPartnerKey: { key: string } }).createPartnerKey.key };
    };
    const eatMap = await issue("Eat Map");
    const cityGuide = await issue("City Guide");
    const subscribed = await api(
      `mutation ($input: CreateWebhookSubscriptionInput!) {
        createWebhookSubscription(input: $input) { signingSecret subscription { id } }
      }`,
      { input: { url: receiverUrl, eventTypes: ["VENDOR_UPDATED"] } },
      eatMap,
    );
    expect(subscribed.errors).toBeUndefined();
    const { signingSecret } = (subscribed.data as { createWebhookSubscription: { signingSecret: string } })
      .createWebhookSubscription;

    const owner = await stack.signUp("Olive", ["VENDOR"]);
    const created = await api(
      `mutation ($input: CreateVendorInput!) { createVendor(input: $input) { id } }`,
      { input: { name: "Olive's Cart", cuisines: ["tacos"] } },
      owner.headers,
    );
    const vendorId = (created.data as { createVendor: { id: string } }).createVendor.id;
    await verifyVendor(stack, vendorId);
    const renamed = await api(
      `mutation ($input: UpdateVendorInput!) { updateVendor(input: $input) { name } }`,
      { input: { id: vendorId, name: "Olive's Taco Cart" } },
      owner.headers,
    );
    expect(renamed.errors).toBeUndefined();

    // Verification announces the vendor too: wait for the delivery of the rename itself.
    const delivery = await eventually(
      async () => received.find((r) => r.body.includes("Olive's Taco Cart")),
      (found) => found !== undefined,
    );
    expect(delivery).toBeDefined();
    const signature = String(delivery?.headers["venta-signature"]);
    expect(await verifyVentaSignature({ body: delivery?.body ?? "", signature, secret: signingSecret })).toBe(
      true,
    );
    expect(JSON.parse(delivery?.body ?? "{}")).toMatchObject({
      type: "vendor.updated",
      data: { vendorId, name: "Olive's Taco Cart" },
    });

    const LOG = `{ webhookDeliveries { totalCount edges { node { status eventType attempts { responseStatus } } } } }`;
    const log = await eventually(
      () => api(LOG, {}, eatMap),
      (r) => JSON.stringify(r.data).includes("SUCCEEDED"),
    );
    expect(JSON.stringify(log.data)).toContain('"responseStatus":204');
    expect((await api(LOG, {}, cityGuide)).data?.webhookDeliveries).toEqual({ totalCount: 0, edges: [] });
  });
});
