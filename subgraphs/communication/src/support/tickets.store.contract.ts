import { type DomainEvent, newEvent } from "@venta/events";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { ERASED_AGENT_ID, type TicketRecord, type TicketReplyRecord } from "./ticket.record.js";
import type { TicketsStore } from "./tickets.store.js";

export interface OpenedTicketsStore {
  store: TicketsStore;
  /** What waits in the outbox the store writes its announcements to. */
  announced(): Promise<DomainEvent[]>;
  close(): Promise<void>;
}

/** Announces a ticket as it now is, as support does. */
const announceTicket = (saved: TicketRecord) => [
  newEvent("communication.ticket_updated", {
    ticketId: saved.id,
    requesterId: saved.requesterId,
    change: "OPENED",
    state: saved.state,
    assigneeId: saved.assigneeId,
    actorId: saved.requesterId,
    at: saved.updatedAt.toISOString(),
  }),
];

const at = (seconds: number) => new Date(Date.UTC(2026, 0, 1) + seconds * 1000);

const ticket = (id: string, seconds: number, extra: Partial<TicketRecord> = {}): TicketRecord => ({
  id,
  requesterId: "casey",
  subject: `Subject ${id}`,
  body: "My points are missing",
  category: null,
  state: "OPEN",
  assigneeId: null,
  createdAt: at(seconds),
  updatedAt: at(seconds),
  closedAt: null,
  ...extra,
});

const reply = (id: string, ticketId: string, seconds: number): TicketReplyRecord => ({
  id,
  ticketId,
  authorId: "admin-1",
  authorRole: "SUPPORT",
  body: `reply ${id}`,
  createdAt: at(seconds),
});

/** The behaviour every tickets store must show; each adapter's test file runs it. */
export function ticketsStoreContract(adapter: string, open: () => Promise<OpenedTicketsStore>): void {
  describe(`${adapter} tickets store`, () => {
    let opened: OpenedTicketsStore;
    let store: TicketsStore;
    beforeEach(async () => {
      opened = await open();
      store = opened.store;
    });
    afterEach(() => opened.close());

    it("stores a ticket and changes it only from the states a change starts from", async () => {
      await store.create(ticket("t1", 1, { category: "PAYMENTS" }));
      expect(await store.findById("t1")).toEqual(ticket("t1", 1, { category: "PAYMENTS" }));
      const assigned = await store.change({
        ticketId: "t1",
        from: ["OPEN"],
        state: "ASSIGNED",
        at: at(5),
        assigneeId: "admin-1",
      });
      expect(assigned).toMatchObject({ state: "ASSIGNED", assigneeId: "admin-1", updatedAt: at(5) });
      expect(await store.change({ ticketId: "t1", from: ["OPEN"], state: "ASSIGNED", at: at(6) })).toBeNull();
      expect(await store.change({ ticketId: "nope", from: ["OPEN"], state: "CLOSED", at: at(6) })).toBeNull();
      const replied = await store.change({
        ticketId: "t1",
        from: ["ASSIGNED"],
        state: "PENDING",
        at: at(7),
        reply: reply("r1", "t1", 7),
      });
      // The assignee stays when a change does not name one.
      expect(replied).toMatchObject({ state: "PENDING", assigneeId: "admin-1" });
      const closed = await store.change({ ticketId: "t1", from: ["PENDING"], state: "CLOSED", at: at(9) });
      expect(closed).toMatchObject({ state: "CLOSED", closedAt: at(9), assigneeId: "admin-1" });
      // A refused change writes no reply.
      expect(
        await store.change({
          ticketId: "t1",
          from: ["OPEN"],
          state: "PENDING",
          at: at(10),
          reply: reply("r2", "t1", 10),
        }),
      ).toBeNull();
      expect((await store.replies("t1", 10)).records.map((r) => r.id)).toEqual(["r1"]);
    });

    it("writes announcements with a new ticket and an applied change, and none with a refused one", async () => {
      await store.create(ticket("t1", 1), announceTicket);
      await store.change({ ticketId: "t1", from: ["CLOSED"], state: "OPEN", at: at(2) }, announceTicket);
      await store.change({ ticketId: "t1", from: ["OPEN"], state: "CLOSED", at: at(3) }, announceTicket);
      await store.change({ ticketId: "t1", from: ["OPEN"], state: "PENDING", at: at(4) });
      const events = await opened.announced();
      expect(events.map((e) => (e.payload as { state: string }).state)).toEqual(["OPEN", "CLOSED"]);
    });

    it("lets one of two racing changes from the same state win", async () => {
      await store.create(ticket("t1", 1));
      const results = await Promise.all(
        ["admin-1", "admin-2", "admin-3"].map((assigneeId) =>
          store.change({ ticketId: "t1", from: ["OPEN"], state: "ASSIGNED", at: at(2), assigneeId }),
        ),
      );
      expect(results.filter((r) => r !== null)).toHaveLength(1);
    });

    it("lists by filter, oldest or newest first, a page at a time", async () => {
      await store.create(ticket("t1", 1));
      await store.create(ticket("t2", 2, { requesterId: "dana", state: "ASSIGNED", assigneeId: "admin-1" }));
      await store.create(ticket("t3", 2, { state: "PENDING", assigneeId: "admin-2" }));
      await store.create(ticket("t4", 3, { state: "CLOSED" }));
      await store.create(ticket("t5", 4, { requesterId: "dana" }));
      const all = async (
        filter: Parameters<TicketsStore["list"]>[0],
        order: "OLDEST_FIRST" | "NEWEST_FIRST",
      ) => {
        const ids: string[] = [];
        let after: { createdAt: Date; id: string } | undefined;
        for (;;) {
          const page = await store.list(filter, order, 2, after);
          ids.push(...page.records.map((t) => t.id));
          const last = page.records.at(-1);
          if (!page.hasNextPage || !last) return ids;
          after = { createdAt: last.createdAt, id: last.id };
        }
      };
      const open = { states: ["OPEN", "ASSIGNED", "PENDING"] as const };
      expect(await all(open, "OLDEST_FIRST")).toEqual(["t1", "t2", "t3", "t5"]);
      expect(await store.count(open)).toBe(4);
      expect(await all({ requesterId: "casey" }, "NEWEST_FIRST")).toEqual(["t4", "t3", "t1"]);
      expect(await all({ assigneeId: "admin-1" }, "OLDEST_FIRST")).toEqual(["t2"]);
      expect(await all({ states: ["CLOSED"], requesterId: "dana" }, "OLDEST_FIRST")).toEqual([]);
      expect(await store.count({})).toBe(5);
    });

    it("pages a ticket's replies oldest first, and reads the first replies of many tickets at once", async () => {
      await store.create(ticket("t1", 1));
      await store.create(ticket("t2", 1));
      await store.create(ticket("t3", 1));
      for (let i = 1; i <= 5; i += 1)
        await store.change({
          ticketId: "t1",
          from: ["OPEN"],
          state: "OPEN",
          at: at(i),
          reply: reply(`r${i}`, "t1", i),
        });
      await store.change({
        ticketId: "t2",
        from: ["OPEN"],
        state: "OPEN",
        at: at(1),
        reply: reply("x1", "t2", 1),
      });
      const ids: string[] = [];
      let after: { createdAt: Date; id: string } | undefined;
      for (;;) {
        const page = await store.replies("t1", 2, after);
        ids.push(...page.records.map((r) => r.id));
        const last = page.records.at(-1);
        if (!page.hasNextPage || !last) break;
        after = { createdAt: last.createdAt, id: last.id };
      }
      expect(ids).toEqual(["r1", "r2", "r3", "r4", "r5"]);
      const first = await store.firstReplies(["t1", "t2", "t3"], 2);
      expect(first.get("t1")?.records.map((r) => r.id)).toEqual(["r1", "r2"]);
      expect(first.get("t1")?.hasNextPage).toBe(true);
      expect(first.get("t2")?.records).toEqual([reply("x1", "t2", 1)]);
      expect(first.get("t3")).toEqual({ records: [], hasNextPage: false });
    });

    it("remembers support agents", async () => {
      expect(await store.isAgent("admin-1")).toBe(false);
      await Promise.all([store.registerAgent("admin-1", at(1)), store.registerAgent("admin-1", at(1))]);
      await store.registerAgent("admin-1", at(2));
      expect(await store.isAgent("admin-1")).toBe(true);
      expect(await store.isAgent("admin-2")).toBe(false);
    });
    it("erases a deleted account's tickets, and takes its name off what it did as support", async () => {
      // Casey's own tickets, one answered by admin-1.
      await store.create(ticket("t1", 1));
      await store.change({
        ticketId: "t1",
        from: ["OPEN"],
        state: "PENDING",
        at: at(2),
        reply: reply("r1", "t1", 2),
      });
      await store.create(ticket("t2", 3, { subject: "Lost my card" }));
      // Dana's tickets worked by Casey, who is also an admin.
      await store.create(ticket("t3", 4, { requesterId: "dana" }));
      await store.change({
        ticketId: "t3",
        from: ["OPEN"],
        state: "ASSIGNED",
        at: at(5),
        assigneeId: "casey",
      });
      await store.create(ticket("t4", 6, { requesterId: "dana" }));
      await store.change({
        ticketId: "t4",
        from: ["OPEN"],
        state: "PENDING",
        at: at(7),
        assigneeId: "casey",
        reply: { ...reply("r2", "t4", 7), authorId: "casey", body: "We refunded you" },
      });
      await store.registerAgent("casey", at(1));
      await store.registerAgent("admin-1", at(1));

      await store.eraseUser("casey");
      await store.eraseUser("casey");

      expect(await store.findById("t1")).toBeNull();
      expect(await store.findById("t2")).toBeNull();
      expect((await store.replies("t1", 10)).records).toEqual([]);
      expect(await store.count({ requesterId: "casey" })).toBe(0);
      expect(await store.findById("t3")).toMatchObject({
        requesterId: "dana",
        state: "OPEN",
        assigneeId: null,
      });
      expect(await store.findById("t4")).toMatchObject({
        requesterId: "dana",
        state: "PENDING",
        assigneeId: null,
      });
      expect((await store.replies("t4", 10)).records).toEqual([
        { ...reply("r2", "t4", 7), authorId: ERASED_AGENT_ID, body: "We refunded you" },
      ]);
      expect(await store.count({ assigneeId: "casey" })).toBe(0);
      expect(await store.isAgent("casey")).toBe(false);
      expect(await store.isAgent("admin-1")).toBe(true);
    });
  });
}
