import { destinationPoint, type GeoPoint, greatCircleMeters } from "@venta/geo";
import { AUSTIN } from "../seed/austin.js";

/** Austin's downtown grid runs close to the compass; vendors drive it block by block. */
const BLOCK_METERS = 110;
const HEADINGS = [0, 90, 180, 270] as const;
const MAX_FROM_DOWNTOWN_METERS = 14_000;

/**
 * One vendor moving like a truck on a street grid: along a street at a steady speed, turning at
 * corners now and then, parking for a while at some stops, and heading back when far out.
 */
export class StreetWalker {
  private heading: number;
  private toCorner: number;
  private parkedForSeconds = 0;

  constructor(
    public position: GeoPoint,
    private readonly random: () => number,
    private readonly speedMetersPerSecond = 4 + random() * 6,
  ) {
    this.heading = HEADINGS[Math.floor(random() * 4)] as number;
    this.toCorner = random() * BLOCK_METERS;
  }

  /** Moves on by `seconds`; returns the heading it drove (null while parked). */
  advance(seconds: number): number | null {
    if (this.parkedForSeconds > 0) {
      this.parkedForSeconds -= seconds;
      return null;
    }
    let left = this.speedMetersPerSecond * seconds;
    while (left > 0) {
      const step = Math.min(left, this.toCorner);
      this.position = destinationPoint(this.position, this.heading, step);
      this.toCorner -= step;
      left -= step;
      if (this.toCorner <= 0) this.atCorner();
    }
    return this.heading;
  }

  private atCorner(): void {
    this.toCorner = BLOCK_METERS;
    if (greatCircleMeters(AUSTIN, this.position) > MAX_FROM_DOWNTOWN_METERS) {
      const north = this.position.lat < AUSTIN.lat;
      const east = this.position.lng < AUSTIN.lng;
      this.heading = this.random() < 0.5 ? (north ? 0 : 180) : east ? 90 : 270;
      return;
    }
    const roll = this.random();
    if (roll < 0.08) this.parkedForSeconds = 30 + this.random() * 240;
    else if (roll < 0.3) this.heading = (this.heading + 90) % 360;
    else if (roll < 0.5) this.heading = (this.heading + 270) % 360;
  }
}
