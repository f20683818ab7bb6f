import type { Outbox } from "@venta/events";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { announceIf, failingAnnounce, recordedLabels } from "../outbox.harness.js";
import { DELETED_USER_NAME, emptyProfile } from "./user-profile.record.js";
import type { UsersStore } from "./users.store.js";

export interface OpenedUsersStore {
  store: UsersStore;
  /** The outbox the store records its announcements in. */
  outbox: Outbox;
  close(): Promise<void>;
}

/** The behaviour every users store must show; each adapter's test file runs it. */
export function usersStoreContract(adapter: string, open: () => Promise<OpenedUsersStore>): void {
  describe(`${adapter} users store`, () => {
    let opened: OpenedUsersStore;
    beforeEach(async () => {
      opened = await open();
    });
    afterEach(() => opened.close());

    it("records an announcement with each insert, profile change and erasure that happened, and only those", async () => {
      const { store, outbox } = opened;
      const created = new Date(Date.UTC(2026, 0, 1));
      const inserted = (done: boolean) => done;
      const erased = (deletedAt: Date | null) => deletedAt !== null;
      await store.insert(
        { id: "user-a", displayName: "Alice", createdAt: created },
        announceIf("insert", inserted),
      );
      await store.insert(
        { id: "user-a", displayName: "Again", createdAt: created },
        announceIf("again", inserted),
      );
      const updated = (outcome: string) => outcome === "updated";
      await store.updateProfile("user-a", { bio: "Hi" }, created, announceIf("update", updated));
      await store.updateProfile("nobody", { bio: "Hi" }, created, announceIf("no-account", updated));
      await store.erase("user-a", created, announceIf("erase", erased));
      await store.erase("nobody", created, announceIf("nobody", erased));
      await store.updateProfile("user-a", { bio: "Back" }, created, announceIf("deleted", updated));
      expect(await recordedLabels(outbox)).toEqual(["insert", "update", "erase"]);
      await expect(store.updateProfile("user-a", { bio: "x" }, created, failingAnnounce)).rejects.toThrow();
      await expect(
        store.insert({ id: "user-b", displayName: "Bob", createdAt: created }, failingAnnounce),
      ).rejects.toThrow();
      expect(await store.findById("user-b")).toBeNull();
    });

    it("stores users and finds them one or many at a time", async () => {
      const { store } = opened;
      const alice = { id: "user-a", displayName: "Alice", createdAt: new Date(Date.UTC(2026, 0, 1)) };
      const bob = { id: "user-b", displayName: "Bob", createdAt: new Date(Date.UTC(2026, 0, 2)) };
      expect(await store.insert(alice)).toBe(true);
      expect(await store.insert(bob)).toBe(true);
      expect(await store.findById("user-a")).toEqual(alice);
      expect(await store.findById("nobody")).toBeNull();
      expect(
        (await store.findByIds(["user-b", "nobody", "user-a"])).sort((a, b) => a.id.localeCompare(b.id)),
      ).toEqual([alice, bob]);
    });

    it("keeps the first account when the same id registers twice", async () => {
      const { store } = opened;
      const first = { id: "user-a", displayName: "Alice", createdAt: new Date(Date.UTC(2026, 0, 1)) };
      expect(await store.insert(first)).toBe(true);
      expect(await store.insert({ ...first, displayName: "Mallory" })).toBe(false);
      expect(await store.findById("user-a")).toEqual(first);
    });
    it("creates a profile on first change and patches only the given fields after", async () => {
      const { store } = opened;
      const t1 = new Date(Date.UTC(2026, 1, 1));
      const t2 = new Date(Date.UTC(2026, 1, 2));
      await store.insert({ id: "user-a", displayName: "Alice", createdAt: t1 });
      expect(await store.findProfiles(["user-a"])).toEqual([]);
      expect(
        await store.updateProfile(
          "user-a",
          {
            bio: "Tacos daily",
            locale: "en-US",
            favoriteCuisines: ["tacos", "bbq"],
            notifications: { PROMOTIONS: { push: true, email: false, sms: false } },
          },
          t1,
        ),
      ).toBe("updated");
      expect(
        await store.updateProfile(
          "user-a",
          {
            displayName: "Alice A.",
            bio: null,
            timeZone: "America/Chicago",
            dietaryTags: ["VEGAN"],
            notifications: { LOYALTY: { push: false, email: true, sms: true } },
          },
          t2,
        ),
      ).toBe("updated");
      expect((await store.findById("user-a"))?.displayName).toBe("Alice A.");
      expect(await store.findProfiles(["user-a", "nobody"])).toEqual([
        {
          ...emptyProfile("user-a", t2),
          locale: "en-US",
          timeZone: "America/Chicago",
          preferences: {
            favoriteCuisines: ["tacos", "bbq"],
            dietaryTags: ["VEGAN"],
            notifications: {
              PROMOTIONS: { push: true, email: false, sms: false },
              LOYALTY: { push: false, email: true, sms: true },
            },
          },
        },
      ]);
    });

    it("changes no profile of an unknown account", async () => {
      const { store } = opened;
      expect(await store.updateProfile("nobody", { bio: "Hi" }, new Date())).toBe("no-account");
      expect(await store.findProfiles(["nobody"])).toEqual([]);
      expect(await store.findById("nobody")).toBeNull();
    });

    it("erases an account's personal data for good, keeping the first deletion time", async () => {
      const { store } = opened;
      const t1 = new Date(Date.UTC(2026, 1, 1));
      const t2 = new Date(Date.UTC(2026, 1, 2));
      const created = new Date(Date.UTC(2026, 0, 1));
      await store.insert({ id: "user-a", displayName: "Alice", createdAt: created });
      await store.insert({ id: "user-b", displayName: "Bob", createdAt: created });
      for (const id of ["user-a", "user-b"])
        await store.updateProfile(id, { bio: "Hi", avatarUrl: "https://img.example/a.png" }, t1);

      expect(await store.erase("user-a", t1)).toEqual(t1);
      expect(await store.erase("user-a", t2)).toEqual(t1);
      expect(await store.erase("nobody", t1)).toBeNull();
      expect(await store.findById("user-a")).toEqual({
        id: "user-a",
        displayName: DELETED_USER_NAME,
        createdAt: created,
      });
      const [erased] = await store.findProfiles(["user-a"]);
      expect(erased).toEqual({ ...emptyProfile("user-a", t1), deletedAt: t1, updatedAt: expect.any(Date) });
      // A deleted account takes no new personal data; the other account is untouched.
      expect(await store.updateProfile("user-a", { bio: "Back" }, t2)).toBe("deleted");
      expect((await store.findProfiles(["user-a"]))[0]?.bio).toBeNull();
      expect((await store.findById("user-a"))?.displayName).toBe(DELETED_USER_NAME);
      expect((await store.findProfiles(["user-b"]))[0]).toMatchObject({ bio: "Hi", deletedAt: null });
      expect((await store.findById("user-b"))?.displayName).toBe("Bob");
    });
  });
}
