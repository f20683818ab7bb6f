import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { ContactsStore } from "./contacts.store.js";

export interface OpenedContactsStore {
  store: ContactsStore;
  close(): Promise<void>;
}

const at = (seconds: number) => new Date(Date.UTC(2026, 0, 1) + seconds * 1000);

/** The behaviour every contacts store must show; each adapter's test file runs it. */
export function contactsStoreContract(adapter: string, open: () => Promise<OpenedContactsStore>): void {
  describe(`${adapter} contacts store`, () => {
    let opened: OpenedContactsStore;
    let store: ContactsStore;
    beforeEach(async () => {
      opened = await open();
      store = opened.store;
    });
    afterEach(() => opened.close());

    it("creates details on first patch, keeps absent fields and clears null ones", async () => {
      expect(await store.find("u1")).toBeNull();
      await store.upsert("u1", { email: "dana@example.com", locale: "es-MX" }, at(1));
      const updated = await store.upsert("u1", { phone: "+15125550100", locale: null }, at(2));
      const expected = {
        userId: "u1",
        email: "dana@example.com",
        phone: "+15125550100",
        locale: null,
        timeZone: null,
        updatedAt: at(2),
      };
      expect(updated).toEqual(expected);
      expect(await store.find("u1")).toEqual(expected);
    });

    it("keeps both of two concurrent patches to different fields", async () => {
      await Promise.all([
        store.upsert("u1", { email: "a@example.com" }, at(1)),
        store.upsert("u1", { timeZone: "America/Chicago" }, at(1)),
      ]);
      expect(await store.find("u1")).toMatchObject({ email: "a@example.com", timeZone: "America/Chicago" });
    });

    it("registers devices once per token, moving a token to whoever registered it last", async () => {
      await store.registerDevice({ token: "t1", userId: "u1", platform: "IOS", registeredAt: at(1) });
      await store.registerDevice({ token: "t2", userId: "u1", platform: "ANDROID", registeredAt: at(2) });
      await store.registerDevice({ token: "t1", userId: "u1", platform: "IOS", registeredAt: at(3) });
      expect((await store.devicesOf("u1")).map((d) => [d.token, d.registeredAt])).toEqual([
        ["t1", at(3)],
        ["t2", at(2)],
      ]);
      await store.registerDevice({ token: "t1", userId: "u2", platform: "IOS", registeredAt: at(4) });
      expect((await store.devicesOf("u1")).map((d) => d.token)).toEqual(["t2"]);
      expect(await store.devicesOf("u2")).toEqual([
        { token: "t1", userId: "u2", platform: "IOS", registeredAt: at(4) },
      ]);
    });

    it("unregisters only the caller's own device, and forgets a token whoever holds it", async () => {
      await store.registerDevice({ token: "t1", userId: "u1", platform: "WEB", registeredAt: at(1) });
      expect(await store.unregisterDevice("u2", "t1")).toBe(false);
      expect(await store.unregisterDevice("u1", "t1")).toBe(true);
      expect(await store.unregisterDevice("u1", "t1")).toBe(false);
      await store.registerDevice({ token: "t2", userId: "u1", platform: "WEB", registeredAt: at(1) });
      expect(await store.forgetDevice("t2")).toBe(true);
      expect(await store.forgetDevice("t2")).toBe(false);
      expect(await store.devicesOf("u1")).toEqual([]);
    });

    it("erases a person's details and devices, nobody else's", async () => {
      await store.upsert("u1", { email: "a@example.com" }, at(1));
      await store.upsert("u2", { email: "b@example.com" }, at(1));
      await store.registerDevice({ token: "t1", userId: "u1", platform: "IOS", registeredAt: at(1) });
      await store.registerDevice({ token: "t2", userId: "u2", platform: "IOS", registeredAt: at(1) });
      await store.eraseUser("u1", at(2));
      await store.eraseUser("u1", at(3));
      expect(await store.find("u1")).toBeNull();
      expect(await store.devicesOf("u1")).toEqual([]);
      expect(await store.find("u2")).not.toBeNull();
      expect(await store.devicesOf("u2")).toHaveLength(1);
      expect(await store.isErased("u1")).toBe(true);
      expect(await store.isErased("u2")).toBe(false);
    });

    it("refuses details and devices for an erased person, writing nothing", async () => {
      await store.eraseUser("never-had-details", at(1));
      expect(await store.isErased("never-had-details")).toBe(true);
      await store.upsert("u1", { email: "a@example.com" }, at(1));
      await store.eraseUser("u1", at(2));
      expect(await store.upsert("u1", { email: "new@example.com", phone: "+15125550100" }, at(3))).toBeNull();
      expect(await store.upsert("never-had-details", { email: "x@example.com" }, at(3))).toBeNull();
      expect(
        await store.registerDevice({ token: "t9", userId: "u1", platform: "IOS", registeredAt: at(3) }),
      ).toBeNull();
      expect(await store.find("u1")).toBeNull();
      expect(await store.find("never-had-details")).toBeNull();
      expect(await store.devicesOf("u1")).toEqual([]);
      // Someone else's token is still theirs: the refusal did not take it over.
      await store.registerDevice({ token: "t8", userId: "u2", platform: "IOS", registeredAt: at(4) });
      expect(
        await store.registerDevice({ token: "t8", userId: "u1", platform: "IOS", registeredAt: at(5) }),
      ).toBeNull();
      expect((await store.devicesOf("u2")).map((d) => d.token)).toEqual(["t8"]);
    });
  });
}
