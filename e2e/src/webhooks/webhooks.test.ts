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

/** A partner's endpoint on this machine: records every request and answers `status`. */
async function partnerEndpoint() {
  const received: string[] = [];
  const endpoint = { received, status: 204, url: "", close: () => Promise.resolve() };
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => {
      received.push(Buffer.concat(chunks).toString("utf8"));
      res.writeHead(endpoint.status).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  endpoint.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/venta`;
  endpoint.close = () => new Promise<void>((resolve) => server.close(() => resolve()));
  return endpoint;
}

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
      env: {
        STRIPE_WEBHOOK_SECRET: STRIPE_SECRET,
        WEBHOOK_POLL_MS: "100",
        WEBHOOK_ALLOW_PRIVATE_TARGETS: "true",
      },
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

  it("stops a partner's deliveries the moment its key is revoked, and cancels the queued ones", async () => {
    const admin = { authorization: `Bearer ${await stack.token("admin-1", ["ADMIN"])}` };
    const issue = async (name: string) => {
      const created = await api(
        `mutation ($input: CreatePartnerKeyInput!) { createPartnerKey(input: $input) { key partnerKey { id } } }`,
        { input: { name, scopes: ["READ"] } },
        admin,
      );
      const { key, partnerKey } = (
        created.data as { createPartnerKey: { key: string; partnerKey: { id: string } } }
      ).createPartnerKey;
      return { headers: { "x-api-key": key }, id: partnerKey.id };
    };
    const subscribe = async (headers: Record<string, string>, url: string) => {
      const subscribed = await api(
        `mutation ($input: CreateWebhookSubscriptionInput!) { createWebhookSubscription(input: $input) { subscription { id } } }`,
        { input: { url, eventTypes: ["VENDOR_UPDATED"] } },
        headers,
      );
      expect(subscribed.errors).toBeUndefined();
      return (subscribed.data as { createWebhookSubscription: { subscription: { id: string } } })
        .createWebhookSubscription.subscription.id;
    };
    const revoked = await partnerEndpoint();
    const witness = await partnerEndpoint();
    try {
      const leaving = await issue("Leaving Partner");
      const staying = await issue("Staying Partner");
      const subscriptionId = await subscribe(leaving.headers, revoked.url);
      await subscribe(staying.headers, witness.url);

      const owner = await stack.signUp("Rosa", ["VENDOR"]);
      const created = await api(
        `mutation ($input: CreateVendorInput!) { createVendor(input: $input) { id } }`,
        { input: { name: "Rosa's Arepas", cuisines: ["arepas"] } },
        owner.headers,
      );
      const vendorId = (created.data as { createVendor: { id: string } }).createVendor.id;
      await verifyVendor(stack, vendorId);
      const rename = async (name: string) => {
        const renamed = await api(
          `mutation ($input: UpdateVendorInput!) { updateVendor(input: $input) { name } }`,
          { input: { id: vendorId, name } },
          owner.headers,
        );
        expect(renamed.errors).toBeUndefined();
      };
      const arrived = (endpoint: { received: string[] }, name: string) =>
        eventually(
          async () => endpoint.received.some((body) => body.includes(name)),
          (found) => found,
        );

      await rename("Rosa's Arepas One");
      expect(await arrived(revoked, "Rosa's Arepas One")).toBe(true);

      // The endpoint starts failing: the next delivery waits in the queue for its retry.
      revoked.status = 503;
      await rename("Rosa's Arepas Two");
      const DELIVERIES = `query ($id: ID!) { webhookDeliveries(subscriptionId: $id) {
        edges { node { status failureReason attemptCount } } } }`;
      type Deliveries = {
        webhookDeliveries: {
          edges: { node: { status: string; failureReason: string | null; attemptCount: number } }[];
        };
      };
      const queued = await eventually(
        async () => (await api(DELIVERIES, { id: subscriptionId }, admin)).data as Deliveries | undefined,
        (data) =>
          data?.webhookDeliveries.edges.some((e) => e.node.status === "PENDING" && e.node.attemptCount > 0) ??
          false,
      );
      expect(queued?.webhookDeliveries.edges.map((e) => e.node.status)).toContain("PENDING");

      const revocation = await api(
        `mutation ($id: ID!) { revokePartnerKey(id: $id) { id revokedAt } }`,
        { id: leaving.id },
        admin,
      );
      expect(revocation.errors).toBeUndefined();

      const cancelled = await eventually(
        async () => (await api(DELIVERIES, { id: subscriptionId }, admin)).data as Deliveries | undefined,
        (data) => data?.webhookDeliveries.edges.every((e) => e.node.status !== "PENDING") ?? false,
      );
      expect(cancelled?.webhookDeliveries.edges.map((e) => e.node)).toContainEqual(
        expect.objectContaining({ status: "FAILED", failureReason: "the partner key was revoked" }),
      );
      const subscription = await api(
        `query ($id: ID!) { webhookSubscription(id: $id) { status disabledReason } }`,
        { id: subscriptionId },
        admin,
      );
      expect(subscription.data?.webhookSubscription).toEqual({
        status: "DISABLED",
        disabledReason: "KEY_REVOKED",
      });

      const requestsBefore = revoked.received.length;
      await rename("Rosa's Arepas Three");
      // The other partner's delivery of the same event proves it was fanned out and sent.
      expect(await arrived(witness, "Rosa's Arepas Three")).toBe(true);
      expect(revoked.received.length).toBe(requestsBefore);
      expect(revoked.received.some((body) => body.includes("Rosa's Arepas Three"))).toBe(false);
    } finally {
      await Promise.all([revoked.close(), witness.close()]);
    }
  });
});
