import { anonymous, partnerViewer, personViewer, type Viewer } from "@venta/auth";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { communicationHarness } from "../../communication.harness.js";
import type { InboundEventRecord } from "./inbound-event.record.js";

type Harness = Awaited<ReturnType<typeof communicationHarness>>;

const admin = personViewer("admin-1", ["ADMIN"]);
const LIST = `query ($provider: InboundWebhookProvider, $status: InboundWebhookStatus, $first: Int, $after: String) {
  inboundWebhookEvents(provider: $provider, status: $status, first: $first, after: $after) {
    totalCount pageInfo { hasNextPage endCursor }
    edges { node { id provider providerEventId type status attempts detail receivedAt payload } }
  }
}`;
const RETRY = `mutation ($id: ID!) { retryInboundWebhookEvent(id: $id) { id status attempts nextAttemptAt } }`;

const at = (seconds: number) => new Date(Date.UTC(2026, 0, 1) + seconds * 1000);
const stored = (id: string, overrides: Partial<InboundEventRecord>): InboundEventRecord => ({
  id,
  provider: "STRIPE",
  eventId: id.split(":")[1] ?? id,
  type: "payment_intent.succeeded",
  body: "{}",
  subjectUserId: null,
  receivedAt: at(0),
  status: "PROCESSED",
  attempts: 1,
  nextAttemptAt: null,
  lastError: null,
  processedAt: at(1),
  ...overrides,
});

const code = (result: { errors?: readonly { extensions?: { code?: unknown } }[] }) =>
  result.errors?.[0]?.extensions?.code ?? "allowed";

describe("inboundWebhookEvents and retryInboundWebhookEvent", () => {
  let h: Harness;
  beforeEach(async () => {
    h = await communicationHarness();
    const store = h.stores.inboundWebhooks;
    await store.insert(stored("stripe:evt_1", { receivedAt: at(1) }));
    await store.insert(
      stored("stripe:evt_2", {
        receivedAt: at(2),
        status: "FAILED",
        attempts: 10,
        lastError: "malformed PaymentIntent",
      }),
    );
    await store.insert(stored("clerk:msg_3", { provider: "CLERK", type: "user.created", receivedAt: at(3) }));
  });
  afterEach(() => h.close());

  it("lists received events newest first, filtered by provider and status, a page at a time", async () => {
    const all = await h.run(LIST, { first: 2 }, admin);
    expect(all.errors).toBeUndefined();
    const page = all.data?.inboundWebhookEvents as {
      totalCount: number;
      pageInfo: { hasNextPage: boolean; endCursor: string };
      edges: { node: { id: string } }[];
    };
    expect(page.totalCount).toBe(3);
    expect(page.edges.map((e) => e.node.id)).toEqual(["clerk:msg_3", "stripe:evt_2"]);
    const rest = await h.run(LIST, { first: 2, after: page.pageInfo.endCursor }, admin);
    const restPage = rest.data?.inboundWebhookEvents as { edges: { node: { id: string } }[] } | undefined;
    expect(restPage?.edges.map((e) => e.node.id)).toEqual(["stripe:evt_1"]);
    const failed = await h.run(LIST, { provider: "STRIPE", status: "FAILED" }, admin);
    expect(failed.data?.inboundWebhookEvents).toMatchObject({
      totalCount: 1,
      edges: [
        {
          node: {
            id: "stripe:evt_2",
            provider: "STRIPE",
            providerEventId: "evt_2",
            status: "FAILED",
            attempts: 10,
            detail: "malformed PaymentIntent",
            receivedAt: at(2),
          },
        },
      ],
    });
    const bad = await h.run(LIST, { after: "nonsense" }, admin);
    expect(bad.errors?.[0]?.extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "after" });
  });

  it("retries a FAILED event with a fresh count, and only a FAILED one", async () => {
    const retried = await h.run(RETRY, { id: "stripe:evt_2" }, admin);
    expect(retried.data?.retryInboundWebhookEvent).toMatchObject({
      id: "stripe:evt_2",
      status: "PENDING",
      attempts: 0,
    });
    expect(code(await h.run(RETRY, { id: "stripe:evt_2" }, admin))).toBe("CONFLICT");
    expect(code(await h.run(RETRY, { id: "stripe:evt_1" }, admin))).toBe("CONFLICT");
    expect(code(await h.run(RETRY, { id: "stripe:nope" }, admin))).toBe("NOT_FOUND");
  });

  it.each<[string, Viewer, string]>([
    ["anonymous", anonymous, "UNAUTHENTICATED"],
    ["a customer", personViewer("casey", ["CUSTOMER"]), "FORBIDDEN"],
    ["a partner key", partnerViewer({ keyId: "k", name: "Eat Map", scopes: ["READ"] }), "FORBIDDEN"],
    ["an admin", admin, "allowed"],
  ])("is for admins only: %s gets %s", async (_who, viewer, expected) => {
    expect(code(await h.run(LIST, {}, viewer))).toBe(expected);
    expect(code(await h.run(RETRY, { id: "stripe:evt_2" }, viewer))).toBe(expected);
    expect((await h.stores.inboundWebhooks.findById("stripe:evt_2"))?.status).toBe(
      expected === "allowed" ? "PENDING" : "FAILED",
    );
  });
});
