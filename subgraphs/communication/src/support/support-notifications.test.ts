import { personViewer, type Viewer } from "@venta/auth";
import { type OutboxRelay, startOutboxRelay, type TicketUpdated } from "@venta/events";
import { testLogger } from "@venta/testing";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { handledBy } from "../bus.harness.js";
import { communicationHarness } from "../communication.harness.js";
import { followTicketUpdates, SUPPORT_NOTIFICATIONS_CONSUMER } from "./support-notifications.js";

type Harness = Awaited<ReturnType<typeof communicationHarness>>;

const dana = personViewer("dana", ["CUSTOMER"]);
const admin = personViewer("admin-1", ["ADMIN"]);
const CARRIED = "test.ticket-updates-carried";

const OPEN = `mutation ($subject: String!) {
  openSupportTicket(input: { subject: $subject, body: "I checked in but got no points." }) { id }
}`;
const REPLY = `mutation ($id: ID!, $body: String!) { replyToSupportTicket(ticketId: $id, body: $body) { state } }`;
const ASSIGN = `mutation ($id: ID!) { assignSupportTicket(ticketId: $id) { state } }`;
const CLOSE = `mutation ($id: ID!) { closeSupportTicket(ticketId: $id) { state } }`;
const NOTIFICATIONS = `query {
  myNotifications(first: 50) { totalCount edges { node { topic title body subjectId deliveries { channel } } } }
}`;

describe("support tells the requester when it answers or closes their ticket", () => {
  let h: Harness;
  let relay: OutboxRelay;
  /** Every `communication.ticket_updated` the bus carried, with its event id. */
  let carried: { id: string; update: TicketUpdated }[];

  const run = async (query: string, variables: Record<string, unknown>, viewer: Viewer) => {
    const result = await h.run(query, variables, viewer);
    expect(result.errors).toBeUndefined();
    return result.data ?? {};
  };
  const open = async (subject: string) => {
    const ticket = (await run(OPEN, { subject }, dana)).openSupportTicket as { id: string } | undefined;
    if (!ticket) throw new Error("no ticket was opened");
    return ticket.id;
  };
  const deliverEvents = async () => {
    await relay.flush();
    await handledBy(h.bus, [SUPPORT_NOTIFICATIONS_CONSUMER, CARRIED]);
  };

  beforeEach(async () => {
    h = await communicationHarness();
    followTicketUpdates(h.bus, h.services.supportNotifications, testLogger);
    carried = [];
    h.bus.consume(CARRIED, ["communication.ticket_updated"], async (event) => {
      carried.push({ id: event.id, update: event.payload as TicketUpdated });
    });
    relay = startOutboxRelay({ outbox: h.stores.outbox, bus: h.bus, log: testLogger });
    await h.services.contacts.upsertFromIdentity({ userId: "dana", email: "dana@example.com", locale: "es" });
  });
  afterEach(async () => {
    await relay.stop();
    await h.close();
  });

  it("notifies on support's answer and closing, never on the requester's own steps or an assignment", async () => {
    const points = await open("Puntos perdidos");
    await run(ASSIGN, { id: points }, admin);
    await run(
      REPLY,
      { id: points, body: "We added your 20 points; card ending 4242 was not charged." },
      admin,
    );
    await run(REPLY, { id: points, body: "Thanks!" }, dana);
    await run(CLOSE, { id: points }, admin);
    // A ticket the requester closes herself tells her nothing.
    const other = await open("Otra cosa");
    await run(CLOSE, { id: other }, dana);
    await deliverEvents();

    const seen = (await run(NOTIFICATIONS, {}, dana)).myNotifications as {
      totalCount: number;
      edges: { node: Record<string, unknown> }[];
    };
    // Made one right after the other: compared regardless of order.
    const byBody = (a: { body?: unknown }, b: { body?: unknown }) =>
      String(a.body).localeCompare(String(b.body));
    expect(seen.edges.map((e) => e.node).sort(byBody)).toEqual([
      {
        topic: "SUPPORT_UPDATE",
        title: "Novedades sobre tu solicitud",
        body: 'Soporte cerró "Puntos perdidos". Si aún necesitas ayuda, abre una nueva solicitud.',
        subjectId: points,
        // Push and e-mail by default; she has no device registered.
        deliveries: [{ channel: "EMAIL" }],
      },
      {
        topic: "SUPPORT_UPDATE",
        title: "Novedades sobre tu solicitud",
        body: 'Soporte respondió a "Puntos perdidos". Abre Venta para leer la respuesta.',
        subjectId: points,
        deliveries: [{ channel: "EMAIL" }],
      },
    ]);
    // The answer itself stays in the app: no channel carries it.
    const deliveries = await h.services.notifications.deliveriesOf(
      (await h.stores.notifications.listByUser("dana", 10)).records.map((n) => n.id),
    );
    expect(deliveries.map((d) => d.title).sort()).toEqual([
      'Soporte respondió a "Puntos perdidos"',
      'Tu solicitud "Puntos perdidos" se cerró',
    ]);
    expect(JSON.stringify(deliveries)).not.toContain("4242");
    // The admin who acted is told nothing either.
    expect(((await run(NOTIFICATIONS, {}, admin)).myNotifications as { totalCount: number }).totalCount).toBe(
      0,
    );
  });

  it("tells once per event, however often the bus delivers it", async () => {
    const points = await open("Missing points");
    await run(REPLY, { id: points, body: "Done." }, admin);
    await deliverEvents();
    const answered = carried.find((c) => c.update.change === "REPLIED");
    if (!answered) throw new Error("the reply was not announced");
    expect(await h.services.supportNotifications.onTicketUpdated(answered.id, answered.update)).toBe(
      "NOTIFIED",
    );
    expect(await h.stores.notifications.countByUser("dana")).toBe(1);
  });
});
