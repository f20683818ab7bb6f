import type { LocationModule } from "../module.js";
import { followSchedules } from "./schedule-projection.js";
import { followVendors } from "./vendor-projection.js";

/** Location's copy of marketplace's vendors and their opening hours, kept from its events. */
export const projectionModule: LocationModule = {
  name: "projection",
  start: (services, { bus, log }) => {
    const vendors = followVendors(bus, services.positions, log);
    const schedules = followSchedules(bus, services.positions, log);
    return [() => vendors.stop(), () => schedules.stop()];
  },
};
