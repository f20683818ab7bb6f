import { newEvent, type Outbox } from "@venta/events";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { announceIf } from "../outbox.harness.js";
import type { FavoritesStore } from "./favorites.store.js";

export interface OpenedFavoritesStore {
  store: FavoritesStore;
  /** The outbox the store records its announcements in. */
  outbox: Outbox;
  close(): Promise<void>;
}

const at = (seconds: number) => new Date(Date.UTC(2026, 0, 1) + seconds * 1000);

/** The behaviour every favorites store must show; each adapter's test file runs it. */
export function favoritesStoreContract(adapter: string, open: () => Promise<OpenedFavoritesStore>): void {
  describe(`${adapter} favorites store`, () => {
    let opened: OpenedFavoritesStore;
    let store: FavoritesStore;
    beforeEach(async () => {
      opened = await open();
      store = opened.store;
    });
    afterEach(() => opened.close());

    const countOf = async (vendorId: string) =>
      (await store.countsOf([vendorId])).find((c) => c.vendorId === vendorId)?.count ?? 0;

    it("adds once and removes once, moving the vendor's count with it", async () => {
      expect(await store.add({ userId: "u1", vendorId: "v1", createdAt: at(1) })).toBe(true);
      expect(await store.add({ userId: "u1", vendorId: "v1", createdAt: at(2) })).toBe(false);
      expect(await store.add({ userId: "u2", vendorId: "v1", createdAt: at(3) })).toBe(true);
      expect(await countOf("v1")).toBe(2);
      // Adding again kept the first time.
      expect((await store.listByUser("u1", 10)).records).toEqual([
        { userId: "u1", vendorId: "v1", createdAt: at(1) },
      ]);
      expect(await store.remove("u1", "v1")).toBe(true);
      expect(await store.remove("u1", "v1")).toBe(false);
      expect(await store.remove("u1", "never")).toBe(false);
      expect(await countOf("v1")).toBe(1);
      expect(await countOf("never")).toBe(0);
    });

    it("records an announcement exactly when the add or remove changed something", async () => {
      const announced = (what: string) => (changed: boolean) =>
        changed ? [newEvent("marketplace.favorite_added", { userId: "u1", vendorId: what, at: "" })] : [];
      await store.add({ userId: "u1", vendorId: "v1", createdAt: at(1) }, announced("first add"));
      await store.add({ userId: "u1", vendorId: "v1", createdAt: at(2) }, announced("second add"));
      await store.remove("u1", "v1", announced("first remove"));
      await store.remove("u1", "v1", announced("second remove"));
      const recorded = await opened.outbox.oldest(10);
      expect(recorded.map((event) => (event.payload as { vendorId: string }).vendorId)).toEqual([
        "first add",
        "first remove",
      ]);
    });

    it("writes nothing when its announcement cannot be made", async () => {
      const failing = () => {
        throw new Error("no announcement");
      };
      await expect(store.add({ userId: "u1", vendorId: "v1", createdAt: at(1) }, failing)).rejects.toThrow();
      expect(await store.countByUser("u1")).toBe(0);
      expect(await countOf("v1")).toBe(0);
      expect(await opened.outbox.count()).toBe(0);
    });

    // Production adds and removes with an announcement, inside a transaction: the vendor's count is
    // one document every racing transaction writes, so they conflict and are retried whole.
    for (const [path, announce] of [
      ["unannounced", undefined],
      ["announced, in a transaction", announceIf("favorite", (changed: boolean) => changed)],
    ] as const) {
      it(`counts exactly under parallel adds and removes (${path})`, async () => {
        const users = Array.from({ length: 30 }, (_, i) => `u${i}`);
        // Each person adds twice at once: only one of the two counts.
        const adds = await Promise.all(
          users.flatMap((userId) =>
            [0, 1].map(() => store.add({ userId, vendorId: "v1", createdAt: at(1) }, announce)),
          ),
        );
        expect(adds.filter(Boolean)).toHaveLength(30);
        expect(await countOf("v1")).toBe(30);
        const removes = await Promise.all(
          users.slice(0, 10).flatMap((userId) => [0, 1].map(() => store.remove(userId, "v1", announce))),
        );
        expect(removes.filter(Boolean)).toHaveLength(10);
        expect(await countOf("v1")).toBe(20);
        if (announce) expect(await opened.outbox.count()).toBe(40);
      });
    }

    it("lists a person's favorites most recent first, paging without repeats", async () => {
      for (let n = 1; n <= 7; n += 1)
        await store.add({ userId: "u1", vendorId: `v${n}`, createdAt: at(Math.floor(n / 2)) });
      await store.add({ userId: "u2", vendorId: "v1", createdAt: at(100) });
      const seen: string[] = [];
      let after: { createdAt: Date; vendorId: string } | undefined;
      for (;;) {
        const page = await store.listByUser("u1", 2, after);
        seen.push(...page.records.map((f) => f.vendorId));
        const last = page.records.at(-1);
        if (!page.hasNextPage || !last) break;
        after = { createdAt: last.createdAt, vendorId: last.vendorId };
      }
      expect(seen).toEqual(["v7", "v6", "v5", "v4", "v3", "v2", "v1"]);
      expect(await store.countByUser("u1")).toBe(7);
      expect(await store.countByUser("nobody")).toBe(0);
    });

    it("tells which of many vendors a person favorited, and many counts, in one call each", async () => {
      await store.add({ userId: "u1", vendorId: "v1", createdAt: at(1) });
      await store.add({ userId: "u1", vendorId: "v3", createdAt: at(1) });
      await store.add({ userId: "u2", vendorId: "v3", createdAt: at(1) });
      expect((await store.favoritedAmong("u1", ["v1", "v2", "v3"])).sort()).toEqual(["v1", "v3"]);
      expect(await store.favoritedAmong("u3", ["v1"])).toEqual([]);
      expect(await store.favoritedAmong("u1", [])).toEqual([]);
      const counts = (await store.countsOf(["v3", "v1", "v2"])).sort((a, b) =>
        a.vendorId.localeCompare(b.vendorId),
      );
      expect(counts.filter((c) => c.count > 0)).toEqual([
        { vendorId: "v1", count: 1 },
        { vendorId: "v3", count: 2 },
      ]);
      expect(await store.countsOf([])).toEqual([]);
    });
  });
}
