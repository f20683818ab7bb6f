import { destinationPoint, type GeoPoint, greatCircleMeters } from "@venta/geo";
import type { PositionReport } from "@venta/location";
import type { BenchVendor } from "./metro.js";
import { wigglePoint } from "./movers.js";

/** How the reporting vendors move between two fixes. */
export type Movement = "parked" | "driving";

/** How far a reporting vendor drives between two reports: a truck in town every few seconds. */
export const STEP_METERS = 25;
/** How far a reporting vendor strays from its start before it turns back. */
const ROAM_METERS = 2_000;

/**
 * The reporting vendors' next fixes, each vendor in turn. Parked: a few meters around where the
 * vendor stands, as the HTTP update figures report (most trucks sell standing still). Driving: each
 * goes `STEP_METERS` on along a heading that drifts, turning back `ROAM_METERS` from its start so the
 * density around it stays the city's; in a downtown thick with fences this crosses one about every fix.
 */
export class Fixes {
  private readonly at: GeoPoint[];
  private readonly heading: number[];
  private readonly steps: number[];
  private next = 0;

  constructor(
    private readonly vendors: readonly BenchVendor[],
    private readonly random: () => number,
  ) {
    this.at = vendors.map((v) => v.point);
    this.heading = vendors.map(() => random() * 360);
    this.steps = vendors.map(() => 0);
  }

  batch(movement: Movement, size: number, recordedAt: Date): PositionReport[] {
    const reports: PositionReport[] = [];
    for (let i = 0; i < size; i += 1) {
      const index = this.next;
      this.next = (this.next + 1) % this.vendors.length;
      const vendor = this.vendors[index] as BenchVendor;
      const step = (this.steps[index] as number) + 1;
      this.steps[index] = step;
      let heading = this.heading[index] as number;
      let point: GeoPoint;
      if (movement === "parked") point = wigglePoint(vendor.point, step);
      else {
        heading = (heading + (this.random() - 0.5) * 40 + 360) % 360;
        if (greatCircleMeters(this.at[index] as GeoPoint, vendor.point) > ROAM_METERS)
          heading = (heading + 180) % 360;
        this.heading[index] = heading;
        point = destinationPoint(this.at[index] as GeoPoint, heading, STEP_METERS);
      }
      this.at[index] = point;
      reports.push({ vendorId: vendor.id, ...point, accuracyMeters: 8, heading, recordedAt });
    }
    return reports;
  }
}
