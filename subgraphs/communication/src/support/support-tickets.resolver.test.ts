import { anonymous, partnerViewer, personViewer, type Viewer } from "@venta/auth";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { communicationHarness } from "../communication.harness.js";
import { TicketsService } from "./tickets.service.js";

type Harness = Awaited<ReturnType<typeof communicationHarness>>;
type Result = Awaited<ReturnType<Harness["run"]>>;

const codeOf = (result: Result) => result.errors?.[0]?.extensions?.code ?? "allowed";
/** A root field's value in a result, for the test to read as the shape it expects. */
const fieldOf = (result: Result, name: string): unknown => result.data?.[name];

const OPEN = `mutation ($input: OpenSupportTicketInput!) { openSupportTicket(input: $input) { id state requesterId subject body category } }`;
const REPLY = `mutation ($id: ID!, $body: String!) { replyToSupportTicket(ticketId: $id, body: $body) { state } }`;
const ASSIGN = `mutation ($id: ID!, $to: ID) { assignSupportTicket(ticketId: $id, assigneeId: $to) { state assigneeId } }`;
const CLOSE = `mutation ($id: ID!) { closeSupportTicket(ticketId: $id) { state closedAt } }`;
const TICKET = `query ($id: ID!) { supportTicket(id: $id) { state replies { edges { node { authorId authorRole body } } } } }`;
const QUEUE = `query ($state: SupportTicketState, $assigneeId: ID, $first: Int, $after: String) {
  supportQueue(state: $state, assigneeId: $assigneeId, first: $first, after: $after) {
    totalCount pageInfo { hasNextPage endCursor } edges { node { subject state } }
  }
}`;

const casey = personViewer("casey", ["CUSTOMER"]);
const dana = personViewer("dana", ["CUSTOMER"]);
const admin = personViewer("admin-1", ["ADMIN"]);
const otherAdmin = personViewer("admin-2", ["ADMIN"]);
const partner = partnerViewer({ keyId: "key-1", name: "Eat Map", scopes: ["READ"] });

describe("support tickets", () => {
  let h: Harness;
  beforeEach(async () => {
    h = await communicationHarness();
    let clock = Date.UTC(2026, 5, 1, 12);
    // Every change a second after the last, so orderings are certain.
    h.services.support = new TicketsService(h.stores.tickets, () => {
      clock += 1000;
      return new Date(clock);
    });
  });
  afterEach(() => h.close());

  const open = async (viewer: Viewer, subject = "Missing points", category?: string) => {
    const result = await h.run(
      OPEN,
      { input: { subject, body: "I checked in but got no points.", category } },
      viewer,
    );
    expect(result.errors).toBeUndefined();
    return (fieldOf(result, "openSupportTicket") as { id: string }).id;
  };
  const stateOf = async (id: string) => (await h.stores.tickets.findById(id))?.state;

  it("opens a ticket for a person, trimmed, and refuses bad input writing nothing", async () => {
    const result = await h.run(
      OPEN,
      { input: { subject: "  Refund  ", body: " Charged twice ", category: "PAYMENTS" } },
      casey,
    );
    expect(result.data?.openSupportTicket).toMatchObject({
      state: "OPEN",
      requesterId: "casey",
      subject: "Refund",
      body: "Charged twice",
      category: "PAYMENTS",
    });
    for (const [input, field] of [
      [{ subject: " ", body: "x" }, "subject"],
      [{ subject: "x".repeat(201), body: "x" }, "subject"],
      [{ subject: "x", body: "" }, "body"],
    ] as const) {
      expect((await h.run(OPEN, { input }, casey)).errors?.[0]?.extensions).toMatchObject({
        code: "BAD_USER_INPUT",
        field,
      });
    }
    expect(await h.stores.tickets.count({})).toBe(1);
    expect(codeOf(await h.run(OPEN, { input: { subject: "x", body: "y" } }, anonymous))).toBe(
      "UNAUTHENTICATED",
    );
    expect(codeOf(await h.run(OPEN, { input: { subject: "x", body: "y" } }, partner))).toBe("FORBIDDEN");
  });

  it("moves through its states as support and the person take turns, then stays closed", async () => {
    const id = await open(casey);
    expect((await h.run(REPLY, { id, body: "Which vendor?" }, admin)).data?.replyToSupportTicket).toEqual({
      state: "PENDING",
    });
    expect((await h.run(REPLY, { id, body: "Taco Cart" }, casey)).data?.replyToSupportTicket).toEqual({
      state: "OPEN",
    });
    expect((await h.run(ASSIGN, { id }, admin)).data?.assignSupportTicket).toEqual({
      state: "ASSIGNED",
      assigneeId: "admin-1",
    });
    expect((await h.run(REPLY, { id, body: "Added them." }, admin)).data?.replyToSupportTicket).toEqual({
      state: "PENDING",
    });
    expect((await h.run(REPLY, { id, body: "Thanks!" }, casey)).data?.replyToSupportTicket).toEqual({
      state: "ASSIGNED",
    });
    expect((await h.run(CLOSE, { id }, casey)).data?.closeSupportTicket).toMatchObject({ state: "CLOSED" });
    for (const [query, variables, viewer] of [
      [CLOSE, { id }, admin],
      [REPLY, { id, body: "One more thing" }, casey],
      [ASSIGN, { id }, admin],
    ] as const) {
      expect((await h.run(query, variables, viewer)).errors?.[0]?.extensions).toMatchObject({
        code: "BAD_USER_INPUT",
      });
    }
    const thread = (await h.run(TICKET, { id }, casey)).data?.supportTicket as {
      replies: { edges: { node: { authorRole: string; body: string } }[] };
    };
    expect(thread.replies.edges.map((e) => [e.node.authorRole, e.node.body])).toEqual([
      ["SUPPORT", "Which vendor?"],
      ["REQUESTER", "Taco Cart"],
      ["SUPPORT", "Added them."],
      ["REQUESTER", "Thanks!"],
    ]);
  });

  it.each<[string, Viewer, string]>([
    ["anonymous", anonymous, "UNAUTHENTICATED"],
    ["a partner key", partner, "FORBIDDEN"],
    ["another person", dana, "NOT_FOUND"],
    ["the person who opened it", casey, "allowed"],
    ["an admin", admin, "allowed"],
  ])(
    "shows and lets reply to a ticket only its requester and admins: %s gets %s",
    async (_who, viewer, expected) => {
      const id = await open(casey);
      expect(codeOf(await h.run(TICKET, { id }, viewer))).toBe(expected);
      expect(codeOf(await h.run(REPLY, { id, body: "hello" }, viewer))).toBe(expected);
      expect((await h.stores.tickets.replies(id, 10)).records).toHaveLength(expected === "allowed" ? 1 : 0);
      expect(codeOf(await h.run(CLOSE, { id }, viewer))).toBe(expected);
      expect(await stateOf(id)).toBe(expected === "allowed" ? "CLOSED" : "OPEN");
    },
  );

  it("lets only admins assign, to themselves or to an admin who has worked the queue", async () => {
    const id = await open(casey);
    expect(codeOf(await h.run(ASSIGN, { id }, casey))).toBe("FORBIDDEN");
    expect((await h.run(ASSIGN, { id, to: "admin-2" }, admin)).errors?.[0]?.extensions).toMatchObject({
      code: "BAD_USER_INPUT",
      field: "assigneeId",
    });
    expect(await stateOf(id)).toBe("OPEN");
    expect(codeOf(await h.run(QUEUE, {}, otherAdmin))).toBe("allowed");
    expect((await h.run(ASSIGN, { id, to: "admin-2" }, admin)).data?.assignSupportTicket).toEqual({
      state: "ASSIGNED",
      assigneeId: "admin-2",
    });
  });

  it("shows admins a queue, oldest first, filtered by state and assignee", async () => {
    const ids = [];
    for (const subject of ["first", "second", "third", "fourth"])
      ids.push(await open(subject === "second" ? dana : casey, subject));
    await h.services.support.assign(admin, ids[1] as string);
    await h.services.support.reply(admin, ids[2] as string, "Which vendor?");
    await h.services.support.close(casey, ids[3] as string);
    type Queue = {
      supportQueue: {
        totalCount: number;
        pageInfo: { hasNextPage: boolean; endCursor: string };
        edges: { node: { subject: string; state: string } }[];
      };
    };
    const queue = async (variables: Record<string, unknown> = {}) =>
      ((await h.run(QUEUE, variables, admin)).data as Queue).supportQueue;
    expect((await queue()).edges.map((e) => [e.node.subject, e.node.state])).toEqual([
      ["first", "OPEN"],
      ["second", "ASSIGNED"],
      ["third", "PENDING"],
    ]);
    expect((await queue({ state: "CLOSED" })).edges.map((e) => e.node.subject)).toEqual(["fourth"]);
    expect((await queue({ assigneeId: "admin-1" })).edges.map((e) => e.node.subject)).toEqual(["second"]);
    const seen: string[] = [];
    let after: string | null = null;
    for (;;) {
      const page = await queue({ first: 2, after });
      expect(page.totalCount).toBe(3);
      seen.push(...page.edges.map((e) => e.node.subject));
      if (!page.pageInfo.hasNextPage) break;
      after = page.pageInfo.endCursor;
    }
    expect(seen).toEqual(["first", "second", "third"]);
    expect(codeOf(await h.run(QUEUE, {}, casey))).toBe("FORBIDDEN");
    const mine = await h.run(`{ mySupportTickets { totalCount edges { node { subject } } } }`, {}, casey);
    expect(mine.data?.mySupportTickets).toEqual({
      totalCount: 3,
      edges: [
        { node: { subject: "fourth" } },
        { node: { subject: "third" } },
        { node: { subject: "first" } },
      ],
    });
  });

  it("announces every change of a ticket", async () => {
    const id = await open(casey);
    await h.run(ASSIGN, { id }, admin);
    await h.run(REPLY, { id, body: "On it" }, admin);
    await h.run(CLOSE, { id }, casey);
    await h.run(CLOSE, { id }, casey);
    // The outbox holds what the relay will publish: each change's event was written with it.
    const events = (await h.stores.outbox.oldest(100)).filter(
      (e) => e.type === "communication.ticket_updated",
    );
    expect(events.map((e) => e.payload)).toEqual([
      expect.objectContaining({
        ticketId: id,
        requesterId: "casey",
        change: "OPENED",
        state: "OPEN",
        assigneeId: null,
        actorId: "casey",
      }),
      expect.objectContaining({
        change: "ASSIGNED",
        state: "ASSIGNED",
        assigneeId: "admin-1",
        actorId: "admin-1",
      }),
      expect.objectContaining({ change: "REPLIED", state: "PENDING", actorId: "admin-1" }),
      expect.objectContaining({ change: "CLOSED", state: "CLOSED", actorId: "casey" }),
    ]);
  });

  it("reads the replies of 30 tickets in the queue with one store query", async () => {
    for (let i = 0; i < 30; i += 1) {
      const id = await open(casey, `ticket ${i}`);
      await h.services.support.reply(casey, id, `more about ${i}`);
    }
    let calls = 0;
    const store = h.stores.tickets;
    const firstReplies = store.firstReplies.bind(store);
    store.firstReplies = (ids, first) => {
      calls += 1;
      return firstReplies(ids, first);
    };
    const result = await h.run(
      `{ supportQueue(first: 30) { edges { node { replies(first: 5) { edges { node { body } } } } } } }`,
      {},
      admin,
    );
    expect(result.errors).toBeUndefined();
    const edges = (
      fieldOf(result, "supportQueue") as { edges: { node: { replies: { edges: unknown[] } } }[] }
    ).edges;
    expect(edges.map((e) => e.node.replies.edges.length)).toEqual(Array(30).fill(1));
    expect(calls).toBe(1);
  });
});
