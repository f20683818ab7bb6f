import {
  type BoundingBox,
  boxesAround,
  type GeoPoint,
  greatCircleMeters,
  isValidLat,
  isValidLng,
} from "@venta/geo";
import { badUserInput } from "@venta/kit";

/** What a live subscriber watches: a box (a map viewport), a circle, or a list of vendors. */
export type LiveArea =
  | { kind: "box"; box: BoundingBox }
  | { kind: "circle"; center: GeoPoint; radiusMeters: number }
  | { kind: "vendors"; vendorIds: ReadonlySet<string> };

export interface LiveAreaArgs {
  within?: BoundingBox | null;
  near?: GeoPoint | null;
  radiusMeters?: number | null;
  vendorIds?: readonly string[] | null;
}

/** A viewport wider than this is a region, not a map of vendors: it would watch too many cells. */
export const MAX_BOX_DEGREES = 2;
export const MAX_RADIUS_METERS = 50_000;
export const DEFAULT_RADIUS_METERS = 2_000;
export const MAX_VENDOR_IDS = 100;

/** Reads and checks a subscription's area arguments; exactly one kind of area must be given. */
export function parseArea(args: LiveAreaArgs): LiveArea {
  const given = [
    args.within ? "within" : null,
    args.near ? "near" : null,
    args.vendorIds ? "vendorIds" : null,
  ].filter((name) => name !== null);
  if (given.length !== 1) {
    throw badUserInput("give exactly one of `within`, `near` (with `radiusMeters`) or `vendorIds`", "within");
  }
  if (args.radiusMeters !== null && args.radiusMeters !== undefined && !args.near) {
    throw badUserInput("`radiusMeters` goes with `near`", "radiusMeters");
  }
  if (args.within) return { kind: "box", box: validBox(args.within) };
  if (args.near) {
    if (!isValidLat(args.near.lat) || !isValidLng(args.near.lng)) {
      throw badUserInput("near must have lat in [-90, 90] and lng in [-180, 180]", "near");
    }
    const radiusMeters = args.radiusMeters ?? DEFAULT_RADIUS_METERS;
    if (!Number.isFinite(radiusMeters) || radiusMeters <= 0 || radiusMeters > MAX_RADIUS_METERS) {
      throw badUserInput(
        `radiusMeters must be greater than 0 and at most ${MAX_RADIUS_METERS}`,
        "radiusMeters",
      );
    }
    return { kind: "circle", center: { lat: args.near.lat, lng: args.near.lng }, radiusMeters };
  }
  const vendorIds = new Set(args.vendorIds ?? []);
  if (vendorIds.size < 1 || vendorIds.size > MAX_VENDOR_IDS) {
    throw badUserInput(`vendorIds must list 1 to ${MAX_VENDOR_IDS} vendors`, "vendorIds");
  }
  return { kind: "vendors", vendorIds };
}

/** Checks a box: ordered edges, real coordinates, and no wider than a city region. */
export function validBox(box: BoundingBox, field = "within"): BoundingBox {
  const { south, west, north, east } = box;
  if (![south, north].every(isValidLat) || ![west, east].every(isValidLng)) {
    throw badUserInput(`${field} must have latitudes in [-90, 90] and longitudes in [-180, 180]`, field);
  }
  if (south > north) throw badUserInput(`${field}.south must not be north of ${field}.north`, field);
  if (west > east) throw badUserInput(`${field}.west must not be east of ${field}.east`, field);
  if (north - south > MAX_BOX_DEGREES || east - west > MAX_BOX_DEGREES) {
    throw badUserInput(`${field} must be at most ${MAX_BOX_DEGREES}° across`, field);
  }
  return { south, west, north, east };
}

/** Whether a vendor at `point` (or with this id) is inside the area. */
export function areaContains(area: LiveArea, vendorId: string, point: GeoPoint): boolean {
  switch (area.kind) {
    case "box":
      return (
        point.lat >= area.box.south &&
        point.lat <= area.box.north &&
        point.lng >= area.box.west &&
        point.lng <= area.box.east
      );
    case "circle":
      return greatCircleMeters(area.center, point) <= area.radiusMeters;
    case "vendors":
      return area.vendorIds.has(vendorId);
  }
}

/** The boxes an area lies in, for finding the cells that cover it. */
export function areaBoxes(area: LiveArea): BoundingBox[] {
  if (area.kind === "box") return [area.box];
  if (area.kind === "circle") return boxesAround(area.center, area.radiusMeters);
  return [];
}
