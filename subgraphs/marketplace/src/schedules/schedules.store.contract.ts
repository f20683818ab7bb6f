import type { Outbox } from "@venta/events";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { announceAlways, announceIf, failingAnnounce, recordedLabels } from "../outbox.harness.js";
import type { ScheduleRecord } from "./schedule.record.js";
import { WEEKDAYS } from "./schedule.record.js";
import type { SchedulesStore } from "./schedules.store.js";

export interface OpenedSchedulesStore {
  store: SchedulesStore;
  /** The outbox the store records its announcements in. */
  outbox: Outbox;
  close(): Promise<void>;
}

const at = (seconds: number) => new Date(Date.UTC(2026, 0, 1) + seconds * 1000);

export const scheduleFixture = (n: number, overrides: Partial<ScheduleRecord> = {}): ScheduleRecord => ({
  vendorId: `vendor-${String(n).padStart(3, "0")}`,
  timeZone: "America/Chicago",
  weekly: WEEKDAYS.map((weekday, index) => ({
    weekday,
    intervals:
      index === 4
        ? [
            { opens: "11:00", closes: "14:00" },
            { opens: "20:00", closes: "02:00" },
          ]
        : index % 2 === 0
          ? [{ opens: "11:00", closes: "21:00" }]
          : [],
  })),
  exceptions: [
    { date: "2026-07-04", intervals: [] },
    { date: "2026-12-24", intervals: [{ opens: "10:00", closes: "14:00" }] },
  ],
  updatedAt: at(n),
  ...overrides,
});

/** The behaviour every schedules store must show; each adapter's test file runs it. */
export function schedulesStoreContract(adapter: string, open: () => Promise<OpenedSchedulesStore>): void {
  describe(`${adapter} schedules store`, () => {
    let opened: OpenedSchedulesStore;
    let store: SchedulesStore;
    beforeEach(async () => {
      opened = await open();
      store = opened.store;
    });
    afterEach(() => opened.close());

    it("stores and reads back every field, in order", async () => {
      const schedule = scheduleFixture(1);
      await store.put(schedule);
      expect(await store.findByVendorId(schedule.vendorId)).toEqual(schedule);
      expect(await store.findByVendorId("missing")).toBeNull();
    });

    it("records an announcement with each put, and with a horizon recorded for the current schedule only", async () => {
      const schedule = scheduleFixture(1, { updatedAt: at(1) });
      await store.put(schedule, announceAlways("put"));
      const current = (recorded: boolean) => recorded;
      expect(
        await store.recordHorizon(schedule.vendorId, at(1), at(100), announceIf("current", current)),
      ).toBe(true);
      expect(
        await store.recordHorizon(schedule.vendorId, at(0), at(200), announceIf("replaced", current)),
      ).toBe(false);
      expect(await store.recordHorizon("missing", at(1), at(100), announceIf("missing", current))).toBe(
        false,
      );
      await expect(
        store.put(scheduleFixture(1, { timeZone: "Europe/London" }), failingAnnounce),
      ).rejects.toThrow();
      expect(await store.findByVendorId(schedule.vendorId)).toEqual(schedule);
      expect(await recordedLabels(opened.outbox)).toEqual(["put", "current"]);
    });

    it("replaces a schedule whole: nothing of the old one survives", async () => {
      await store.put(scheduleFixture(1));
      const replacement = scheduleFixture(1, {
        timeZone: "Europe/London",
        weekly: WEEKDAYS.map((weekday) => ({ weekday, intervals: [] })),
        exceptions: [],
        updatedAt: at(500),
      });
      await store.put(replacement);
      expect(await store.findByVendorId(replacement.vendorId)).toEqual(replacement);
    });

    it("finds many schedules at once, skipping vendors without one", async () => {
      for (const n of [1, 2, 3]) await store.put(scheduleFixture(n));
      const found = await store.findByVendorIds(["vendor-003", "nope", "vendor-001"]);
      expect(found.map((s) => s.vendorId).sort()).toEqual(["vendor-001", "vendor-003"]);
      expect(found.find((s) => s.vendorId === "vendor-003")).toEqual(scheduleFixture(3));
      expect(await store.findByVendorIds([])).toEqual([]);
    });

    it("lists schedules whose published horizon runs out before a time, or that were never published", async () => {
      const due = async (endingBefore: Date, after: string | null = null, limit = 10) =>
        (await store.dueForRefresh(endingBefore, after, limit)).map((s) => s.vendorId);
      for (const n of [1, 2, 3, 4]) await store.put(scheduleFixture(n));
      expect(await due(at(0))).toEqual(["vendor-001", "vendor-002", "vendor-003", "vendor-004"]);
      await store.recordHorizon("vendor-001", at(1), at(1000));
      await store.recordHorizon("vendor-002", at(2), at(2000));
      await store.recordHorizon("vendor-003", at(3), at(3000));
      expect(await due(at(1500))).toEqual(["vendor-001", "vendor-004"]);
      expect(await due(at(1000))).toEqual(["vendor-004"]);
      // Whole records come back, pages follow vendor ids.
      expect((await store.dueForRefresh(at(5000), null, 2))[0]).toEqual(scheduleFixture(1));
      expect(await due(at(5000), null, 2)).toEqual(["vendor-001", "vendor-002"]);
      expect(await due(at(5000), "vendor-002", 2)).toEqual(["vendor-003", "vendor-004"]);
      expect(await due(at(5000), "vendor-004", 2)).toEqual([]);
    });

    it("never moves a horizon back, and forgets it when the schedule is replaced", async () => {
      const due = async (endingBefore: Date) =>
        (await store.dueForRefresh(endingBefore, null, 10)).map((s) => s.vendorId);
      await store.put(scheduleFixture(1));
      await store.recordHorizon("vendor-001", at(1), at(2000));
      await store.recordHorizon("vendor-001", at(1), at(1000));
      expect(await due(at(1500))).toEqual([]);
      // A horizon for another version of the schedule (one replaced meanwhile) counts for nothing.
      await store.recordHorizon("vendor-001", at(999), at(9000));
      expect(await due(at(2500))).toEqual(["vendor-001"]);
      await store.recordHorizon("missing", at(1), at(9000));
      // The replacement has been published to no one yet.
      const replacement = scheduleFixture(1, { updatedAt: at(50) });
      await store.put(replacement);
      expect(await due(at(0))).toEqual(["vendor-001"]);
      await store.recordHorizon("vendor-001", at(50), at(3000));
      expect(await due(at(2500))).toEqual([]);
      expect(await store.findByVendorId("vendor-001")).toEqual(replacement);
    });
  });
}
