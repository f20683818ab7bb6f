import { AUSTIN, seededRandom } from "@venta/demo";
import { type BoundingBox, destinationPoint, type GeoPoint, greatCircleMeters } from "@venta/geo";
import { benchVendors } from "./metro.js";
import { metersPerDegreeLng, SpacedPoints } from "./spaced-points.js";

/** A vendor the live figures move, and where the data set put it. */
export interface Mover {
  id: string;
  origin: GeoPoint;
}

/** A subscription's viewport and the mover it was drawn around. */
export interface WatchedBox {
  mover: number;
  box: BoundingBox;
}

/** Movers come from the dense part of the bench city, where a live map would be busiest. */
const CORE_RADIUS_METERS = 10_000;
/** Half the side of a subscription's box: about a 1 km viewport, a street-level map. */
const BOX_HALF_SIDE_METERS = 500;
/** Boxes around the same mover are shifted apart, as real viewports never line up exactly. */
const BOX_JITTER_METERS = 150;
/** How far a mover ever gets from its data-set position: a few meters, so it never leaves its boxes. */
export const WIGGLE_METERS = 5;
/**
 * Least east or north distance between two movers, so that no box holds a mover but its own: each
 * update then reaches exactly the subscriptions drawn around its vendor, and the load per update
 * is subscriptions ÷ movers rather than depending on how movers happen to cluster.
 */
const SPACING_METERS = BOX_HALF_SIDE_METERS + BOX_JITTER_METERS + 2 * WIGGLE_METERS + 40;
/** How far east or north of its mover a box reaches, with room for a vendor that wiggles too. */
const BOX_REACH_METERS = BOX_HALF_SIDE_METERS + BOX_JITTER_METERS + 2 * WIGGLE_METERS;
const METERS_PER_DEGREE_LAT = 111_195;

/**
 * Whether a point could lie in a subscription's box around the core's movers: the throughput
 * figures move only vendors outside this area (and away from any other figure's movers, see
 * `nearBoxesOf`), so they never add events to the latency figures (nor do those vendors' OFFLINE
 * events two minutes later).
 */
export const nearMovers = (point: GeoPoint) =>
  greatCircleMeters(AUSTIN, point) <= CORE_RADIUS_METERS + 2 * (BOX_HALF_SIDE_METERS + BOX_JITTER_METERS);

/** Whether a point could lie in a box drawn around any of `movers`, wherever they wiggle. */
export function nearBoxesOf(movers: readonly Mover[]): (point: GeoPoint) => boolean {
  const origins = new SpacedPoints(BOX_REACH_METERS, AUSTIN);
  for (const mover of movers) origins.add(mover.origin);
  return (point) => origins.near(point);
}

/**
 * Up to `count` vendors of the data set, in the dense core and spaced apart, in data-set order so
 * the same seed always moves the same vendors.
 */
export function pickMovers(vendorCount: number, seed: number, count: number): Mover[] {
  const movers: Mover[] = [];
  const spaced = new SpacedPoints(SPACING_METERS, AUSTIN);
  for (const vendor of benchVendors(vendorCount, seed)) {
    if (movers.length === count) break;
    if (greatCircleMeters(AUSTIN, vendor.point) > CORE_RADIUS_METERS) continue;
    if (spaced.near(vendor.point)) continue;
    spaced.add(vendor.point);
    movers.push({ id: vendor.id, origin: vendor.point });
  }
  return movers;
}

/**
 * Up to `count` vendors spaced as `pickMovers` spaces them, nearest downtown first and as far out
 * as it takes: the core holds a few hundred spaced movers, a figure with thousands reaches into
 * the suburbs, as a busy city's live traffic would. Fewer when the city runs out of room.
 */
export function pickSpreadMovers(vendorCount: number, seed: number, count: number): Mover[] {
  const byDistance = Array.from(benchVendors(vendorCount, seed), (vendor) => ({
    id: vendor.id,
    origin: vendor.point,
    meters: greatCircleMeters(AUSTIN, vendor.point),
  })).sort((a, b) => a.meters - b.meters);
  const movers: Mover[] = [];
  const spaced = new SpacedPoints(SPACING_METERS, AUSTIN);
  for (const vendor of byDistance) {
    if (movers.length === count) break;
    if (spaced.near(vendor.origin)) continue;
    spaced.add(vendor.origin);
    movers.push({ id: vendor.id, origin: vendor.origin });
  }
  return movers;
}

/** The box of subscription `index`: around mover `index mod movers`, its centre shifted at random. */
export function watchedBoxes(movers: readonly Mover[], subscriptions: number, seed: number): WatchedBox[] {
  const random = seededRandom(seed ^ 0x1b873593);
  return Array.from({ length: subscriptions }, (_, index) => {
    const mover = index % movers.length;
    const origin = (movers[mover] as Mover).origin;
    const east = (random() * 2 - 1) * BOX_JITTER_METERS;
    const north = (random() * 2 - 1) * BOX_JITTER_METERS;
    const dLat = BOX_HALF_SIDE_METERS / METERS_PER_DEGREE_LAT;
    const dLng = BOX_HALF_SIDE_METERS / metersPerDegreeLng(origin.lat);
    const lat = origin.lat + north / METERS_PER_DEGREE_LAT;
    const lng = origin.lng + east / metersPerDegreeLng(origin.lat);
    return { mover, box: { south: lat - dLat, west: lng - dLng, north: lat + dLat, east: lng + dLng } };
  });
}

/**
 * Where a mover is after its `step`-th update: on a small circle around its data-set position,
 * turning by the golden angle so consecutive fixes differ while staying within a few meters.
 */
export function wigglePoint(origin: GeoPoint, step: number): GeoPoint {
  return destinationPoint(origin, (step * 137.508) % 360, WIGGLE_METERS);
}

export const boxContains = (box: BoundingBox, point: GeoPoint) =>
  point.lat >= box.south && point.lat <= box.north && point.lng >= box.west && point.lng <= box.east;

/**
 * How many subscriptions should hear of a move from `previous` to `next`: every box that holds
 * either end (MOVED, ENTERED or LEFT), as the live hub decides.
 */
export function watchersOf(boxes: readonly WatchedBox[], previous: GeoPoint, next: GeoPoint): number {
  let watchers = 0;
  for (const { box } of boxes) if (boxContains(box, previous) || boxContains(box, next)) watchers += 1;
  return watchers;
}

/** Where each mover is and how many times it moved, so every update goes a few meters from the last. */
export class Movement {
  private readonly steps: number[];
  private readonly at: GeoPoint[];

  constructor(private readonly movers: readonly Mover[]) {
    this.steps = movers.map(() => 0);
    // The data set's position; earlier runs only ever left movers within a few meters of it.
    this.at = movers.map((mover) => mover.origin);
  }

  advance(index: number): { previous: GeoPoint; next: GeoPoint } {
    const previous = this.at[index] as GeoPoint;
    const step = (this.steps[index] as number) + 1;
    this.steps[index] = step;
    const next = wigglePoint((this.movers[index] as Mover).origin, step);
    this.at[index] = next;
    return { previous, next };
  }
}
