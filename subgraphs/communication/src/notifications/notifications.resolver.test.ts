import { anonymous, partnerViewer, personViewer, type Viewer } from "@venta/auth";
import { testLogger } from "@venta/testing";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { communicationHarness } from "../communication.harness.js";
import { NotificationsService } from "./notifications.service.js";
import { notified } from "./notified.harness.js";

type Harness = Awaited<ReturnType<typeof communicationHarness>>;

const dana = personViewer("dana", ["CUSTOMER"]);
const eli = personViewer("eli", ["CUSTOMER", "VENDOR"]);
const admin = personViewer("admin-1", ["ADMIN"]);
const partner = partnerViewer({ keyId: "key-1", name: "Eat Map", scopes: ["READ"] });

const outcome = (result: { errors?: readonly { extensions?: { code?: unknown } }[] }) =>
  result.errors?.[0]?.extensions?.code ?? "allowed";

const MINE = `query ($first: Int, $after: String, $unreadOnly: Boolean) {
  myNotifications(first: $first, after: $after, unreadOnly: $unreadOnly) {
    totalCount unreadCount pageInfo { hasNextPage endCursor }
    edges { cursor node { id title isRead readAt deliveries { channel status scheduledFor } } }
  }
}`;
const OF_USER = `query ($userId: ID!) { userNotifications(userId: $userId) { totalCount edges { node { id } } } }`;
const MARK = `mutation ($id: ID!) { markNotificationRead(id: $id) { id isRead readAt } }`;
const MARK_ALL = `mutation { markAllNotificationsRead }`;

describe("notification resolvers", () => {
  let h: Harness;
  const ids: string[] = [];
  beforeEach(async () => {
    h = await communicationHarness();
    // Each notification a second after the last, so newest-first is certain.
    let clock = Date.UTC(2026, 5, 1, 12);
    h.services.notifications = new NotificationsService(
      h.stores.notifications,
      h.stores.contacts,
      h.services.notificationSettings,
      h.services.delivery.queue,
      testLogger,
      () => {
        clock += 1000;
        return new Date(clock);
      },
    );
    ids.length = 0;
    await h.services.contacts.upsertFromIdentity({ userId: "dana", email: "dana@example.com" });
    for (const n of [1, 2, 3]) {
      const made = await notified(h.services.notifications, {
        userId: "dana",
        topic: "SUPPORT_UPDATE",
        params: { ticketSubject: `Ticket ${n}`, update: `Update ${n}` },
      });
      ids.push(made.id);
    }
  });
  afterEach(() => h.close());

  it.each<[string, string, Viewer]>([
    ["nobody", "UNAUTHENTICATED", anonymous],
    ["a partner key", "FORBIDDEN", partner],
    ["a person", "allowed", eli],
  ])("answers %s asking for their notifications with %s", async (_who, expected, viewer) => {
    expect(outcome(await h.run(MINE, { first: 10 }, viewer))).toBe(expected);
  });

  it("lists the person's own notifications newest first, with deliveries, paging by cursor", async () => {
    const first = await h.run(MINE, { first: 2 }, dana);
    expect(first.errors).toBeUndefined();
    const page = first.data?.myNotifications as {
      totalCount: number;
      unreadCount: number;
      pageInfo: { hasNextPage: boolean; endCursor: string };
      edges: { node: { title: string; deliveries: { channel: string; status: string }[] } }[];
    };
    expect(page.totalCount).toBe(3);
    expect(page.unreadCount).toBe(3);
    expect(page.edges.map((e) => e.node.title)).toEqual(['Update on "Ticket 3"', 'Update on "Ticket 2"']);
    expect(page.edges[0]?.node.deliveries.map((d) => [d.channel, d.status])).toEqual([["EMAIL", "QUEUED"]]);
    const rest = await h.run(MINE, { first: 2, after: page.pageInfo.endCursor }, dana);
    expect(
      ((rest.data?.myNotifications ?? { edges: [] }) as { edges: { node: { title: string } }[] }).edges.map(
        (e) => e.node.title,
      ),
    ).toEqual(['Update on "Ticket 1"']);
    expect((await h.run(MINE, { first: 10 }, eli)).data?.myNotifications).toMatchObject({ totalCount: 0 });
  });

  it("marks the owner's notification read, and only the owner's", async () => {
    const id = ids[0];
    expect(outcome(await h.run(MARK, { id }, eli))).toBe("NOT_FOUND");
    const read = await h.run(MARK, { id }, dana);
    expect(read.data?.markNotificationRead).toMatchObject({ id, isRead: true });
    const unread = await h.run(MINE, { first: 10, unreadOnly: true }, dana);
    expect(unread.data?.myNotifications).toMatchObject({ totalCount: 2, unreadCount: 2 });
    expect((await h.run(MARK_ALL, {}, dana)).data?.markAllNotificationsRead).toBe(2);
    expect((await h.run(MINE, { first: 10 }, dana)).data?.myNotifications).toMatchObject({ unreadCount: 0 });
  });

  it("lets only admins look at someone else's notifications", async () => {
    expect(outcome(await h.run(OF_USER, { userId: "dana" }, eli))).toBe("FORBIDDEN");
    expect(outcome(await h.run(OF_USER, { userId: "dana" }, anonymous))).toBe("UNAUTHENTICATED");
    const seen = await h.run(OF_USER, { userId: "dana" }, admin);
    expect(seen.data?.userNotifications).toMatchObject({ totalCount: 3 });
  });

  it("refuses a bad page size or cursor with BAD_USER_INPUT", async () => {
    expect(outcome(await h.run(MINE, { first: 0 }, dana))).toBe("BAD_USER_INPUT");
    expect(outcome(await h.run(MINE, { first: 101 }, dana))).toBe("BAD_USER_INPUT");
    expect(outcome(await h.run(MINE, { first: 10, after: "not-a-cursor" }, dana))).toBe("BAD_USER_INPUT");
  });
});
