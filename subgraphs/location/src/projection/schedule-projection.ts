import {
  type Consumption,
  type EventBus,
  followProjection,
  openHoursOf,
  type Projection,
  type ScheduleUpdated,
} from "@venta/events";
import type { Logger } from "@venta/kit";
import type { PositionsStore } from "../positions/positions.store.js";

export const SCHEDULE_CONSUMER = "location.schedule-projection";

/**
 * Keeps location's copy of each vendor's opening hours, as the instants marketplace computes in the
 * vendor's time zone (the zone rules live there alone), so `nearbyVendors(filter: { openNow })`
 * filters on them inside the spatial query. A consumer of its own, so a first start reads every
 * retained announcement.
 */
export function followSchedules(bus: EventBus, positions: PositionsStore, log: Logger): Consumption {
  return followProjection(bus, scheduleProjection(positions, log));
}

/**
 * The projection behind {@link followSchedules}. Updates are ordered by the schedule's `updatedAt`,
 * then the horizon: redelivered and late ones change nothing. A reset forgets only that order, so a
 * replay applies every stored announcement again while the vendor keeps the hours it has.
 */
export function scheduleProjection(positions: PositionsStore, log: Logger): Projection {
  return {
    name: SCHEDULE_CONSUMER,
    types: ["marketplace.schedule_updated"],
    reset: () => positions.forgetOpenHoursVersions(),
    apply: async (event) => {
      const schedule = event.payload as ScheduleUpdated;
      const hours = openHoursOf(schedule);
      const applied = hours ? await positions.applyOpenHours(hours) : false;
      log.debug(
        { vendorId: schedule.vendorId, horizonEnd: schedule.horizonEnd, applied },
        "schedule projection",
      );
    },
  };
}
