import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { personViewer } from "@venta/auth";
import {
  type MessageSent,
  type OutboxRelay,
  SqliteEventBus,
  startOutboxRelay,
  type TicketUpdated,
} from "@venta/events";
import { testLogger } from "@venta/testing";
import Database from "better-sqlite3";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { handledBy } from "../bus.harness.js";
import { erasedParticipantId } from "../chat/conversation.record.js";
import { communicationEnv } from "../config.js";
import type { CommunicationServices } from "../context.js";
import { communicationServices } from "../services.js";
import { type OpenCommunicationStores, openSqlite } from "../stores.js";
import { ERASED_AGENT_ID } from "../support/ticket.record.js";
import { ACCOUNT_DELETIONS_CONSUMER, followAccountDeletions } from "./account-deletions.js";

/** What Zelda tells Venta, and her id: none of it may survive her account's deletion. */
const ZELDA = "zelda";
const SECRETS = {
  email: "zelda.zebrafish@example.com",
  phone: "+15125550199",
  device: "zelda-phone-push-token-0001",
  message: "Leave it with the doorman at 12 Quiet Lane",
  secondMessage: "I am allergic to walnuts",
  ticketSubject: "Zebrafish refund",
  ticketBody: "My card 4000 0566 5566 5556 was charged twice",
  requesterReply: "My new address is 7 Hidden Road",
};

const zelda = personViewer(ZELDA, ["CUSTOMER", "ADMIN"]);
const bob = personViewer("bob", ["VENDOR"]);
const dana = personViewer("dana", ["CUSTOMER"]);
const admin = personViewer("admin-1", ["ADMIN"]);

/**
 * Erasure checked where it matters: in the SQLite file itself, read with a separate connection,
 * across every table communication keeps. Zelda chatted with a vendor as a customer, once spoke
 * for a vendor she owned, opened support tickets, and worked the support queue as an admin.
 */
describe("account deletion in communication's SQLite database", () => {
  let dir: string;
  let stores: OpenCommunicationStores;
  let services: CommunicationServices;
  let bus: SqliteEventBus;
  let relay: OutboxRelay;
  let raw: Database.Database;
  const ids = { withBob: "", withDana: "", danaTicket: "", zeldaReply: "", bobReply: "", vendorWords: "" };

  /** Hands what waits in the outbox to the notifiers, as the bus would, then publishes it. */
  async function notifyFromOutbox(): Promise<void> {
    for (const event of await stores.outbox.oldest(1000)) {
      if (event.type === "communication.message_sent")
        await services.chatNotifications.onMessageSent(event.payload as MessageSent);
      if (event.type === "communication.ticket_updated")
        await services.supportNotifications.onTicketUpdated(event.id, event.payload as TicketUpdated);
    }
    await relay.flush();
  }

  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), "venta-communication-gdpr-"));
    stores = openSqlite(dir);
    bus = new SqliteEventBus(":memory:", testLogger);
    services = communicationServices(stores, bus, communicationEnv.parse({ DATA_DIR: dir }), testLogger);
    relay = startOutboxRelay({ outbox: stores.outbox, bus, log: testLogger });

    for (const [userId, email] of [
      [ZELDA, SECRETS.email],
      ["bob", "bob@example.com"],
      ["dana", "dana@example.com"],
    ] as const)
      await services.contacts.upsertFromIdentity({ userId, email, locale: "en" });
    await services.contacts.updateMine(zelda, { phone: SECRETS.phone });
    await services.contacts.registerDevice(zelda, SECRETS.device, "IOS");
    await services.notificationSettings.update(zelda, { quietHours: { start: "22:00", end: "07:00" } });
    await services.notificationSettings.update(bob, { topics: [{ topic: "CHAT_MESSAGE", email: true }] });
    await services.vendorAlerts.favoriteChanged({
      userId: ZELDA,
      vendorId: "cart-1",
      favorited: true,
      at: new Date(),
    });

    // Zelda, as a customer, writes to Bob's cart; Bob answers.
    await stores.chatVendors.apply({
      vendorId: "cart-1",
      name: "Bob's Tacos",
      ownerId: "bob",
      listed: true,
      version: 1,
    });
    ids.withBob = (await services.chat.start(zelda, "cart-1")).id;
    await services.chat.send(zelda, {
      conversationId: ids.withBob,
      text: SECRETS.message,
      clientMessageId: "z-1",
    });
    ids.bobReply = (
      await services.chat.send(bob, { conversationId: ids.withBob, text: "See you at six" })
    ).id;
    await services.chat.send(zelda, { conversationId: ids.withBob, text: SECRETS.secondMessage });
    // Zelda once owned cart-9 and answered Dana for it, before handing the cart to Erin.
    await stores.chatVendors.apply({
      vendorId: "cart-9",
      name: "Night Cart",
      ownerId: ZELDA,
      listed: true,
      version: 1,
    });
    ids.withDana = (await services.chat.start(dana, "cart-9")).id;
    await services.chat.send(dana, { conversationId: ids.withDana, text: "Open late?" });
    ids.vendorWords = (
      await services.chat.send(zelda, { conversationId: ids.withDana, text: "Until 2 am" })
    ).id;
    await stores.chatVendors.apply({
      vendorId: "cart-9",
      name: "Night Cart",
      ownerId: "erin",
      listed: true,
      version: 2,
    });

    // Zelda's own ticket, answered by support; and Dana's ticket, worked by Zelda as an admin.
    const own = await services.support.open(zelda, {
      subject: SECRETS.ticketSubject,
      body: SECRETS.ticketBody,
    });
    await services.support.reply(admin, own.id, "Hello Zelda Zebrafish, we are on it");
    await services.support.reply(zelda, own.id, SECRETS.requesterReply);
    ids.danaTicket = (await services.support.open(dana, { subject: "Missing points", body: "No points" })).id;
    await services.support.assign(zelda, ids.danaTicket);
    await services.support.reply(zelda, ids.danaTicket, "We added your points");
    await notifyFromOutbox();

    raw = new Database(join(dir, "communication.db"), { readonly: true });
  });

  afterEach(async () => {
    raw.close();
    await relay.stop();
    await services.delivery.queue.close();
    await bus.close();
    await stores.close();
    rmSync(dir, { recursive: true, force: true });
  });

  /** Every text value in every table, with where it was found. */
  function everyText(): { table: string; column: string; value: string }[] {
    const found: { table: string; column: string; value: string }[] = [];
    const tables = raw
      .prepare<[], { name: string }>(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'",
      )
      .all();
    // The record that the account was deleted keeps its id, and only its id: it refuses later writes.
    for (const { name } of tables.filter((table) => table.name !== "erased_people")) {
      for (const row of raw.prepare(`SELECT * FROM "${name}"`).all() as Record<string, unknown>[])
        for (const [column, value] of Object.entries(row))
          if (typeof value === "string") found.push({ table: name, column, value });
    }
    return found;
  }

  const leaks = () =>
    everyText().filter(
      ({ value }) =>
        value.toLowerCase().includes(ZELDA) ||
        Object.values(SECRETS).some((secret) => value.includes(secret)),
    );

  it("leaves nothing of the person in any table, and the others' side of things in place", async () => {
    const before = new Set(leaks().map((leak) => leak.table));
    // The scan sees her everywhere before: chat, the vendor's notification quoting her, support, contacts.
    for (const table of [
      "chat_messages",
      "chat_conversations",
      "notifications",
      "support_tickets",
      "contacts",
    ])
      expect(before).toContain(table);

    followAccountDeletions(bus, services.contacts, testLogger);
    await bus.publish("marketplace.user_deleted", { userId: ZELDA, at: new Date().toISOString() });
    await handledBy(bus, [ACCOUNT_DELETIONS_CONSUMER]);
    await relay.flush();

    expect(leaks()).toEqual([]);

    // Bob keeps the conversation and his answer; her messages are there, without their text.
    const withBob = await stores.conversations.messages(ids.withBob, 10);
    expect(withBob.records.map((m) => [m.senderSide, m.senderId, m.text])).toEqual([
      ["CUSTOMER", erasedParticipantId(ids.withBob, "CUSTOMER"), ""],
      ["VENDOR", "bob", "See you at six"],
      ["CUSTOMER", erasedParticipantId(ids.withBob, "CUSTOMER"), ""],
    ]);
    expect((await services.chat.participantFilter(bob)).vendorIds).toEqual(["cart-1"]);
    expect(await stores.conversations.count({ customerId: null, vendorIds: ["cart-1"] })).toBe(1);
    // What she wrote for her cart is the cart's: kept, no longer hers.
    const [vendorWords] = await stores.conversations.findMessages([ids.vendorWords]);
    expect(vendorWords).toMatchObject({
      text: "Until 2 am",
      senderId: erasedParticipantId(ids.withDana, "VENDOR"),
    });
    // Bob was told about her first message; that notification went with her words. Dana's stays.
    expect(await stores.notifications.countByUser("bob")).toBe(0);
    expect(await stores.notifications.countByUser("dana")).toBe(2);
    // Dana's ticket keeps support's answer, from nobody in particular, and goes back to the queue.
    expect(await stores.tickets.findById(ids.danaTicket)).toMatchObject({
      state: "PENDING",
      assigneeId: null,
    });
    expect((await stores.tickets.replies(ids.danaTicket, 10)).records).toMatchObject([
      { authorId: ERASED_AGENT_ID, authorRole: "SUPPORT", body: "We added your points" },
    ]);
    expect(await stores.contacts.find("bob")).toMatchObject({ email: "bob@example.com" });
  });
});
