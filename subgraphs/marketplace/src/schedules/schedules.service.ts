import type { EventBus } from "@venta/events";
import type { ScheduleRecord } from "./schedule.record.js";
import { type ScheduleInput, validSchedule } from "./schedule.validation.js";
import type { SchedulesStore } from "./schedules.store.js";

/** Opening hours: validation, whole-schedule replacement, and the event that announces it. */
export class SchedulesService {
  constructor(
    private readonly schedules: SchedulesStore,
    private readonly bus: EventBus,
    /** The clock opening hours are judged by; tests fix it. */
    readonly now: () => Date = () => new Date(),
  ) {}

  /** Replaces the vendor's schedule with `input`; nothing is written unless all of it is valid. */
  async set(vendorId: string, input: ScheduleInput): Promise<ScheduleRecord> {
    const schedule: ScheduleRecord = { vendorId, ...validSchedule(input), updatedAt: this.now() };
    await this.schedules.put(schedule);
    await this.bus.publish("marketplace.schedule_updated", {
      vendorId,
      timeZone: schedule.timeZone,
      updatedAt: schedule.updatedAt.toISOString(),
    });
    return schedule;
  }
}
