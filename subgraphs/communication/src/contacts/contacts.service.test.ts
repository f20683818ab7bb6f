import { personViewer } from "@venta/auth";
import { GraphQLError } from "graphql";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { communicationHarness } from "../communication.harness.js";

type Harness = Awaited<ReturnType<typeof communicationHarness>>;

const dana = personViewer("dana", ["CUSTOMER"]);

describe("contact details from the identity provider", () => {
  let h: Harness;
  beforeEach(async () => {
    h = await communicationHarness();
  });
  afterEach(() => h.close());

  it("creates and updates idempotently: absent fields stay, null clears", async () => {
    const first = {
      userId: "dana",
      email: " Dana@Example.COM ",
      phone: "+15125550100",
      locale: "es-mx",
      timeZone: "America/Chicago",
    };
    await h.services.contacts.upsertFromIdentity(first);
    await h.services.contacts.upsertFromIdentity(first);
    expect(await h.services.contacts.contactOf("dana")).toMatchObject({
      email: "dana@example.com",
      phone: "+15125550100",
      locale: "es-MX",
      timeZone: "America/Chicago",
    });
    await h.services.contacts.upsertFromIdentity({ userId: "dana", phone: null, locale: undefined });
    expect(await h.services.contacts.contactOf("dana")).toMatchObject({ phone: null, locale: "es-MX" });
  });

  it("refuses a malformed field with BAD_USER_INPUT, writing nothing", async () => {
    await h.services.contacts.upsertFromIdentity({ userId: "dana", email: "dana@example.com" });
    const refused = await h.services.contacts
      .upsertFromIdentity({ userId: "dana", email: "new@example.com", timeZone: "Mars/Olympus" })
      .catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(GraphQLError);
    expect((refused as GraphQLError).extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "timeZone" });
    expect(await h.services.contacts.contactOf("dana")).toMatchObject({
      email: "dana@example.com",
      timeZone: null,
    });
  });

  it("erases everything kept on the person, in every module, and nobody else's", async () => {
    for (const userId of ["dana", "eli"]) {
      await h.services.contacts.upsertFromIdentity({ userId, email: `${userId}@example.com` });
      await h.services.contacts.registerDevice(
        personViewer(userId, ["CUSTOMER"]),
        `${userId}-device-token-123`,
        "IOS",
      );
      await h.services.notificationSettings.update(personViewer(userId, ["CUSTOMER"]), { locale: "es" });
      await h.services.vendorAlerts.favoriteChanged({
        userId,
        vendorId: "v1",
        favorited: true,
        at: new Date(),
      });
      await h.services.notifications.notify({
        userId,
        topic: "ACCOUNT",
        params: { headline: "Hi", details: "Welcome." },
      });
    }
    await h.services.contacts.eraseUser("dana");
    await h.services.contacts.eraseUser("dana");
    expect(await h.services.contacts.contactOf("dana")).toBeNull();
    expect(await h.services.contacts.devicesOf("dana")).toEqual([]);
    expect((await h.services.notificationSettings.mine(dana)).locale).toBe("en");
    expect(await h.stores.vendorAlerts.isFavorite("dana", "v1")).toBe(false);
    expect(await h.stores.notifications.countByUser("dana")).toBe(0);
    expect(await h.stores.notifications.unfinishedDeliveries(100)).toHaveLength(2);
    expect(await h.services.contacts.contactOf("eli")).not.toBeNull();
    expect(await h.stores.notifications.countByUser("eli")).toBe(1);
  });
});
