import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { ScheduleRecord } from "./schedule.record.js";
import { WEEKDAYS } from "./schedule.record.js";
import type { SchedulesStore } from "./schedules.store.js";

export interface OpenedSchedulesStore {
  store: SchedulesStore;
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
  });
}
