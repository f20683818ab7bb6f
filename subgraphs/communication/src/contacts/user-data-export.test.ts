import { personViewer } from "@venta/auth";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { communicationHarness, tacoCart } from "../communication.harness.js";

type Harness = Awaited<ReturnType<typeof communicationHarness>>;

const zed = personViewer("zed", ["CUSTOMER"]);
const amy = personViewer("amy", ["CUSTOMER"]);
const admin = personViewer("admin-1", ["ADMIN"]);

const EXPORT = `query ($userId: ID!) {
  _entities(representations: [{ __typename: "UserDataExport", userId: $userId }]) {
    ... on UserDataExport {
      userId
      contactDetails { email phone pushDevices { token } }
      notificationSettings { locale }
      conversations { totalCount edges { node { id messages { edges { node { text } } } } } }
      supportTickets { totalCount edges { node { subject body } } }
      notifications { totalCount }
    }
  }
}`;

describe("communication's sections of a person's data export", () => {
  let h: Harness;
  beforeEach(async () => {
    h = await communicationHarness();
    await h.stores.chatVendors.apply(tacoCart);
    await h.services.contacts.updateMine(zed, { email: "zed@example.com", phone: "+15125550100" });
    const conversation = await h.services.chat.start(zed, "cart-1");
    await h.services.chat.send(zed, { conversationId: conversation.id, text: "Open tonight?" });
    await h.services.support.open(zed, { subject: "Missing points", body: "I checked in at the cart." });
    await h.services.contacts.updateMine(amy, { email: "amy@example.com" });
  });
  afterEach(() => h.close());

  it("hands the person their contact details, conversations with messages, tickets and notifications", async () => {
    const result = await h.run(EXPORT, { userId: "zed" }, zed);
    expect(result.errors).toBeUndefined();
    expect(result.data?._entities).toEqual([
      {
        userId: "zed",
        contactDetails: { email: "zed@example.com", phone: "+15125550100", pushDevices: [] },
        notificationSettings: { locale: "en" },
        conversations: {
          totalCount: 1,
          edges: [
            { node: { id: expect.any(String), messages: { edges: [{ node: { text: "Open tonight?" } }] } } },
          ],
        },
        supportTickets: {
          totalCount: 1,
          edges: [{ node: { subject: "Missing points", body: "I checked in at the cart." } }],
        },
        notifications: { totalCount: 0 },
      },
    ]);
  });

  it("refuses a representation naming anyone but the caller, an admin's included", async () => {
    for (const viewer of [amy, admin]) {
      const result = await h.run(EXPORT, { userId: "zed" }, viewer);
      expect(result.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
      expect(JSON.stringify(result.data)).not.toContain("zed@example.com");
      expect(JSON.stringify(result.data)).not.toContain("Missing points");
    }
  });
});
