import {
  CreateGeofenceDocument,
  CreateVendorDocument,
  DeleteMyAccountDocument,
  MeDocument,
  MyDataExportDocument,
  OpenSupportTicketDocument,
  SendMessageDocument,
  StartConversationDocument,
  UpdateMyContactDetailsDocument,
  VentaClient,
  VentaRequestError,
} from "@venta/client";
import { openSqliteDatabase } from "@venta/store";
import { eventually, postGraphQL, type Stack, startStack } from "@venta/testing";
import { createClient } from "graphql-ws";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import WebSocket from "ws";
import { verifyVendor } from "../onboarding/verify-vendor.js";
import { type CountingProxy, countingProxy } from "../security/counting-proxy.js";

const CALLERS = "/internal/callers/verify";
const AUSTIN = { lat: 30.2672, lng: -97.7431 };

/** What a rejected call answered: its HTTP status and error code; "allowed" when it went through. */
async function outcome(call: Promise<unknown>): Promise<string> {
  try {
    await call;
    return "allowed";
  } catch (error) {
    if (error instanceof VentaRequestError) return `${error.status} ${error.code}`;
    throw error;
  }
}

/**
 * Deleting an account through the router: the person's export covers every service first; after
 * the deletion their token gets nothing anywhere, and the services keep nothing new about them.
 */
describe("a deleted account across the supergraph", () => {
  let stack: Stack;
  let marketplace: CountingProxy;
  let zoe: { userId: string; client: VentaClient; token: string };
  let vendorId: string;

  const socketCloseCode = (connectionParams: Record<string, unknown>) => {
    const client = createClient({
      url: `${stack.urls.router.replace(/^http/, "ws")}/graphql`,
      webSocketImpl: WebSocket,
      retryAttempts: 0,
      connectionParams,
      lazy: false,
      // The close is what these tests assert; graphql-ws would also print it.
      onNonLazyError: () => undefined,
    });
    return new Promise<number | "connected">((resolve) => {
      client.on("connected", () => resolve("connected"));
      client.on("closed", (event) => resolve((event as { code: number }).code));
    }).finally(() => client.dispose());
  };

  /** Rows any service still holds for the person, read straight from their SQLite files. */
  const storedAbout = (userId: string) => {
    const communication = openSqliteDatabase(stack.dataDir, "communication");
    const location = openSqliteDatabase(stack.dataDir, "location");
    try {
      const count = (db: typeof communication, sql: string) =>
        (db.prepare(sql).pluck().get(userId) as number | undefined) ?? 0;
      return {
        contacts: count(communication, "SELECT count(*) FROM contacts WHERE user_id = ?"),
        tickets: count(communication, "SELECT count(*) FROM support_tickets WHERE requester_id = ?"),
        conversations: count(communication, "SELECT count(*) FROM chat_conversations WHERE customer_id = ?"),
        alertZones: count(
          location,
          "SELECT count(*) FROM geofences WHERE kind = 'ALERT_ZONE' AND owner_id = ?",
        ),
      };
    } finally {
      communication.close();
      location.close();
    }
  };

  beforeAll(async () => {
    marketplace = await countingProxy();
    stack = await startStack({
      // The proxies in front of the subgraphs learn their targets once the stack is up.
      routerWaitsFor: "live",
      env: { MARKETPLACE_URL: marketplace.url },
    });
    marketplace.target = stack.urls.marketplace;
    const url = `${stack.urls.router}/graphql`;
    const owner = await stack.signUp("Ana", ["VENDOR"]);
    const ownerClient = new VentaClient({ url, headers: owner.headers });
    vendorId = (
      await ownerClient.request(CreateVendorDocument, { input: { name: "Zoe's Tacos", cuisines: ["tacos"] } })
    ).createVendor.id;
    await verifyVendor(stack, vendorId);
    const signedUp = await stack.signUp("Zoe", ["CUSTOMER"]);
    const token = signedUp.headers.authorization?.replace(/^Bearer /, "") ?? "";
    zoe = { userId: signedUp.userId, token, client: new VentaClient({ url, token }) };
  }, 90_000);
  afterAll(async () => {
    await stack?.close();
    await marketplace?.close();
  });

  it("exports what every service holds about the person: contacts, a conversation, a ticket, an alert zone", async () => {
    await zoe.client.request(UpdateMyContactDetailsDocument, {
      input: { email: "zoe@example.com", phone: "+15125550199" },
    });
    // Communication learns of the verified vendor from marketplace's events a moment later.
    const started = await eventually(
      () => zoe.client.request(StartConversationDocument, { vendorId }).catch(() => null),
      (result) => result !== null,
    );
    if (!started) throw new Error("communication never learnt of the vendor");
    await zoe.client.request(SendMessageDocument, {
      input: { conversationId: started.startConversation.id, text: "Open tonight?" },
    });
    await zoe.client.request(OpenSupportTicketDocument, {
      input: { subject: "Missing points", body: "I checked in at Zoe's Tacos yesterday." },
    });
    await zoe.client.request(CreateGeofenceDocument, {
      input: { kind: "ALERT_ZONE", name: "Home", area: { circle: { center: AUSTIN, radiusMeters: 500 } } },
    });

    const { myDataExport } = await zoe.client.request(MyDataExportDocument, {});
    expect(myDataExport.userId).toBe(zoe.userId);
    expect(JSON.parse(myDataExport.json)).toMatchObject({ userId: zoe.userId });
    expect(myDataExport.contactDetails).toMatchObject({ email: "zoe@example.com", phone: "+15125550199" });
    expect(
      myDataExport.conversations.edges.map((e) => e.node.messages.edges.map((m) => m.node.text)),
    ).toEqual([["Open tonight?"]]);
    expect(myDataExport.supportTickets.edges.map((e) => e.node.subject)).toEqual(["Missing points"]);
    expect(myDataExport.alertZones.edges.map((e) => e.node.name)).toEqual(["Home"]);
  });

  it("refuses the deleted account's token everywhere, over HTTP and WebSocket, and nothing new is stored", async () => {
    // A socket Zoe opened before deleting her account outlives the deletion's request.
    const earlier = createClient({
      url: `${stack.urls.router.replace(/^http/, "ws")}/graphql`,
      webSocketImpl: WebSocket,
      retryAttempts: 0,
      connectionParams: { authorization: `Bearer ${zoe.token}` },
      lazy: false,
      onNonLazyError: () => undefined,
    });
    const earlierClosed = new Promise<{ code: number; reason: string }>((resolve) =>
      earlier.on("closed", (event) => {
        const { code, reason } = event as { code: number; reason: string };
        resolve({ code, reason });
      }),
    );
    await new Promise<void>((resolve) => earlier.on("connected", () => resolve()));

    await zoe.client.request(DeleteMyAccountDocument, {});
    // Location and communication erase on marketplace's event.
    const erased = await eventually(
      async () => storedAbout(zoe.userId),
      (rows) => Object.values(rows).every((n) => n === 0),
    );
    expect(erased).toEqual({ contacts: 0, tickets: 0, conversations: 0, alertZones: 0 });

    // Her next subscription on that socket ends it: graphql-ws's Forbidden close, with the reason.
    const refused = await new Promise<unknown>((resolve) => {
      earlier.subscribe(
        {
          query: "subscription ($ids: [ID!]!) { vendorLocationUpdated(vendorIds: $ids) { kind } }",
          variables: { ids: [vendorId] },
        },
        { next: () => resolve("event"), error: resolve, complete: () => resolve("complete") },
      );
    });
    expect(refused).not.toBe("event");
    expect(await earlierClosed).toEqual({ code: 4403, reason: "this account has been deleted" });
    await earlier.dispose();

    const lookupsBefore = marketplace.requestsTo(CALLERS);
    // Made one at a time: a refusal that arrives before its turn would count as unhandled.
    const attempts = {
      updateMyContactDetails: () =>
        zoe.client.request(UpdateMyContactDetailsDocument, {
          input: { email: "new@example.com", phone: "+15125550100" },
        }),
      openSupportTicket: () =>
        zoe.client.request(OpenSupportTicketDocument, {
          input: { subject: "Again", body: "Still me." },
        }),
      startConversation: () => zoe.client.request(StartConversationDocument, { vendorId }),
      createGeofence: () =>
        zoe.client.request(CreateGeofenceDocument, {
          input: {
            kind: "ALERT_ZONE",
            name: "Back",
            area: { circle: { center: AUSTIN, radiusMeters: 500 } },
          },
        }),
      myDataExport: () => zoe.client.request(MyDataExportDocument, {}),
      me: () => zoe.client.request(MeDocument, {}),
    };
    for (const [operation, attempt] of Object.entries(attempts))
      expect(await outcome(attempt()), operation).toBe("401 UNAUTHENTICATED");
    const refusal = await postGraphQL(
      `${stack.urls.router}/graphql`,
      "{ me { id } }",
      {},
      {
        authorization: `Bearer ${zoe.token}`,
      },
    );
    expect(refusal.errors?.[0]?.message).toBe("this account has been deleted");
    expect(await socketCloseCode({ authorization: `Bearer ${zoe.token}` })).toBe(4403);
    // Another router, which never saw this token, refuses it too.
    const other = await stack.startExtraRouter();
    try {
      const elsewhere = new VentaClient({ url: `${other.url}/graphql`, token: zoe.token });
      expect(await outcome(elsewhere.request(MeDocument, {}))).toBe("401 UNAUTHENTICATED");
    } finally {
      await other.stop();
    }
    // The deletion is final, so each router remembers it: marketplace is asked at most once per router.
    expect(marketplace.requestsTo(CALLERS) - lookupsBefore).toBeLessThanOrEqual(2);

    expect(storedAbout(zoe.userId)).toEqual({ contacts: 0, tickets: 0, conversations: 0, alertZones: 0 });
  });

  it("asks marketplace once about a bad key sent again and again, over HTTP and in connection_init", async () => {
    const before = marketplace.requestsTo(CALLERS);
    const keyed = new VentaClient({
      url: `${stack.urls.router}/graphql`,
      apiKey: "vpk_guessed-key-number-one",
    });
    for (let attempt = 0; attempt < 5; attempt += 1)
      expect(await outcome(keyed.request(MeDocument, {}))).toBe("401 UNAUTHENTICATED");
    for (let attempt = 0; attempt < 3; attempt += 1)
      expect(await socketCloseCode({ apiKey: "vpk_guessed-key-number-one" })).toBe(4403);
    expect(marketplace.requestsTo(CALLERS) - before).toBe(1);
  });
});
