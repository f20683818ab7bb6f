import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { CheckInHistory } from "./check-in-rules.js";
import { CHECK_IN_RATE_WINDOW_MS, judgeCheckIn } from "./check-in-rules.js";
import type { CheckInsStore, CheckInWindows } from "./check-ins.store.js";

export interface OpenedCheckInsStore {
  store: CheckInsStore;
  close(): Promise<void>;
}

const T0 = Date.UTC(2026, 2, 2, 13);
const at = (seconds: number) => new Date(T0 + seconds * 1000);
const AUSTIN = { lat: 30.2672, lng: -97.7431 };
const DALLAS = { lat: 32.7767, lng: -96.797 };

let ids = 0;
export const attemptFixture = (userId: string, seconds: number, where = AUSTIN, vendorId = "vendor-a") => {
  ids += 1;
  return { id: `check-in-${String(ids).padStart(4, "0")}`, userId, vendorId, ...where, at: at(seconds) };
};

const windowsAt = (seconds: number): CheckInWindows => ({
  since: new Date(at(seconds).getTime() - CHECK_IN_RATE_WINDOW_MS),
  keepSince: new Date(at(seconds).getTime() - 24 * CHECK_IN_RATE_WINDOW_MS),
});

/** The behaviour every check-ins store must show; each adapter's test file runs it. */
export function checkInsStoreContract(adapter: string, open: () => Promise<OpenedCheckInsStore>): void {
  describe(`${adapter} check-ins store`, () => {
    let opened: OpenedCheckInsStore;
    let store: CheckInsStore;
    beforeEach(async () => {
      opened = await open();
      store = opened.store;
    });
    afterEach(() => opened.close());

    const rules = { limitPerHour: 5, maxSpeedKmh: 300 };
    const checkIn = (userId: string, seconds: number, where = AUSTIN) => {
      const attempt = attemptFixture(userId, seconds, where);
      return store.record(attempt, windowsAt(seconds), (history) =>
        judgeCheckIn(history, { ...where, at: attempt.at }, rules),
      );
    };

    it("judges each check-in against the person's own history and records it in sequence", async () => {
      const seen: CheckInHistory[] = [];
      const attempt = attemptFixture("u1", 0);
      const first = await store.record(attempt, windowsAt(0), (history) => {
        seen.push(history);
        return { status: "ACCEPTED" };
      });
      expect(first.record).toEqual({ ...attempt, sequence: 1, status: "ACCEPTED", travel: null });
      await checkIn("u2", 10);
      await store.record(attemptFixture("u1", 60), windowsAt(60), (history) => {
        seen.push(history);
        return { status: "ACCEPTED" };
      });
      expect(seen).toEqual([
        { previous: null, recentCount: 0, oldestRecentAt: null },
        { previous: first.record, recentCount: 1, oldestRecentAt: at(0) },
      ]);
      expect((await store.everythingOf("u1")).map((c) => c.sequence)).toEqual([1, 2]);
    });

    it("records nothing for a LIMITED verdict, and counts only the rate window", async () => {
      for (let i = 0; i < 5; i += 1) expect((await checkIn("u1", i * 60)).verdict.status).toBe("ACCEPTED");
      const refused = await checkIn("u1", 300);
      expect(refused).toEqual({
        verdict: { status: "LIMITED", retryAt: new Date(at(0).getTime() + CHECK_IN_RATE_WINDOW_MS) },
        record: null,
      });
      expect(await store.everythingOf("u1")).toHaveLength(5);
      // Another person has their own room; an hour after the first, there is room again.
      expect((await checkIn("u2", 300)).verdict.status).toBe("ACCEPTED");
      expect((await checkIn("u1", 3600)).verdict.status).toBe("ACCEPTED");
    });

    it("lets no more check-ins through than the limit when they race", async () => {
      const results = await Promise.all(Array.from({ length: 20 }, () => checkIn("u1", 0)));
      expect(results.filter((r) => r.record !== null)).toHaveLength(5);
      expect((await store.everythingOf("u1")).map((c) => c.sequence)).toEqual([1, 2, 3, 4, 5]);
    });

    it("never lets two racing check-ins from far apart both pass", async () => {
      const results = await Promise.all([
        checkIn("u1", 0, AUSTIN),
        checkIn("u1", 0, DALLAS),
        checkIn("u1", 0, AUSTIN),
        checkIn("u1", 0, DALLAS),
      ]);
      const places = new Set(
        results.filter((r) => r.verdict.status === "ACCEPTED").map((r) => r.record?.lat),
      );
      expect(places.size).toBe(1);
      expect(results.some((r) => r.verdict.status === "FLAGGED")).toBe(true);
    });

    it("lists flagged check-ins newest first, page by page, with their travel", async () => {
      await checkIn("u1", 0, AUSTIN);
      await checkIn("u1", 60, DALLAS);
      await checkIn("u1", 120, AUSTIN);
      await checkIn("u2", 120, DALLAS);
      await checkIn("u2", 180, AUSTIN);
      const first = await store.listFlagged(1);
      expect(first.totalCount).toBe(2);
      expect(first.hasNextPage).toBe(true);
      const [newest] = first.records;
      expect(newest).toMatchObject({ userId: "u2", at: at(180), status: "FLAGGED", sequence: 2 });
      expect(newest?.travel).toMatchObject({
        ...{ fromLat: DALLAS.lat, fromLng: DALLAS.lng },
        fromAt: at(120),
      });
      expect(newest?.travel?.elapsedSeconds).toBe(60);
      expect(newest?.travel?.distanceMeters).toBeGreaterThan(290_000);
      const rest = await store.listFlagged(10, { at: newest?.at as Date, id: newest?.id as string });
      expect(rest.records.map((c) => [c.userId, c.at])).toEqual([["u1", at(60)]]);
      expect(rest.hasNextPage).toBe(false);
    });

    it("forgets accepted check-ins older than a day, except the latest; keeps flagged ones", async () => {
      await checkIn("u1", 0, AUSTIN);
      await checkIn("u1", 60, DALLAS);
      await checkIn("u1", 7200, AUSTIN);
      const day = 24 * 3600;
      await checkIn("u1", day + 7000, AUSTIN);
      expect((await store.everythingOf("u1")).map((c) => [c.sequence, c.status])).toEqual([
        [2, "FLAGGED"],
        [3, "ACCEPTED"],
        [4, "ACCEPTED"],
      ]);
      // The previous latest goes once a newer one is there to measure from.
      await checkIn("u1", 3 * day, AUSTIN);
      expect((await store.everythingOf("u1")).map((c) => c.sequence)).toEqual([2, 5]);
    });

    it("measures from the latest accepted check-in, and keeps it however old while others are flagged", async () => {
      const first = await checkIn("u1", 0, AUSTIN);
      expect((await checkIn("u1", 60, DALLAS)).verdict.status).toBe("FLAGGED");
      // Back where they were: measured from Austin, not from the flagged claim in Dallas.
      expect((await checkIn("u1", 120, AUSTIN)).verdict.status).toBe("ACCEPTED");
      const day = 24 * 3600;
      const histories: CheckInHistory[] = [];
      const flagAll = async (seconds: number) =>
        store.record(attemptFixture("u1", seconds, DALLAS), windowsAt(seconds), (history) => {
          histories.push(history);
          return {
            status: "FLAGGED",
            travel: { fromLat: 0, fromLng: 0, fromAt: at(0), distanceMeters: 1, elapsedSeconds: 1 },
          };
        });
      await flagAll(3 * day);
      await flagAll(3 * day + 60);
      expect(histories.map((h) => h.previous?.sequence)).toEqual([3, 3]);
      expect((await store.everythingOf("u1")).map((c) => [c.sequence, c.status])).toEqual([
        [2, "FLAGGED"],
        [3, "ACCEPTED"],
        [4, "FLAGGED"],
        [5, "FLAGGED"],
      ]);
      expect(first.record?.sequence).toBe(1);
    });

    it("exports and erases one person's check-ins only", async () => {
      await checkIn("u1", 0);
      await checkIn("u2", 0);
      expect(await store.everythingOf("u1")).toHaveLength(1);
      await store.eraseUser("u1");
      expect(await store.everythingOf("u1")).toEqual([]);
      expect(await store.everythingOf("u2")).toHaveLength(1);
      expect((await checkIn("u1", 60)).record?.sequence).toBe(1);
    });
  });
}
