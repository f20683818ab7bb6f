import { crossesMidnight } from "./opening-hours.js";
import type { ScheduleRecord, OpeningInterval as StoredInterval } from "./schedule.record.js";
import type { OpeningInterval, VendorSchedule } from "./schedule.type.js";

const intervalView = (interval: StoredInterval): OpeningInterval => ({
  ...interval,
  crossesMidnight: crossesMidnight(interval),
});

/** A stored schedule as the API shows it. */
export function scheduleView(schedule: ScheduleRecord): VendorSchedule {
  return {
    timeZone: schedule.timeZone,
    weeklyHours: schedule.weekly.map((day) => ({
      weekday: day.weekday,
      intervals: day.intervals.map(intervalView),
    })),
    exceptions: schedule.exceptions.map((exception) => ({
      date: exception.date,
      closed: exception.intervals.length === 0,
      intervals: exception.intervals.map(intervalView),
    })),
    updatedAt: schedule.updatedAt,
  };
}
