import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { UsersStore } from "./users.store.js";

export interface OpenedUsersStore {
  store: UsersStore;
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
  });
}
