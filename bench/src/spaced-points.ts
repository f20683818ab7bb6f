import type { GeoPoint } from "@venta/geo";

const METERS_PER_DEGREE_LAT = 111_195;

export const metersPerDegreeLng = (lat: number) => METERS_PER_DEGREE_LAT * Math.cos((lat * Math.PI) / 180);

/** East and north offsets of `b` from `a`, in meters (flat: these are a few kilometers). */
export function offsetMeters(a: GeoPoint, b: GeoPoint): { east: number; north: number } {
  return {
    east: (b.lng - a.lng) * metersPerDegreeLng(a.lat),
    north: (b.lat - a.lat) * METERS_PER_DEGREE_LAT,
  };
}

/** Largest east or north distance between two points, in meters. */
export function chebyshevMeters(a: GeoPoint, b: GeoPoint): number {
  const { east, north } = offsetMeters(a, b);
  return Math.max(Math.abs(east), Math.abs(north));
}

/**
 * Points indexed on a square grid, so "is any point within d meters (east or north)?" looks at the
 * nine cells around a point instead of every point: picking thousands of spaced movers out of a
 * city, or keeping vendors away from all their boxes, stays linear in the vendors looked at.
 */
export class SpacedPoints {
  private readonly cells = new Map<string, GeoPoint[]>();
  /** Cells a little wider than the distance: the grid's flat projection is off by meters far out. */
  private readonly cellMeters: number;
  private readonly lngScale: number;

  constructor(
    private readonly withinMeters: number,
    /** The projection's centre: degrees of longitude are measured at its latitude. */
    centre: GeoPoint,
  ) {
    this.cellMeters = withinMeters * 1.1;
    this.lngScale = metersPerDegreeLng(centre.lat);
  }

  add(point: GeoPoint): void {
    const key = this.key(this.column(point), this.row(point));
    const cell = this.cells.get(key);
    if (cell) cell.push(point);
    else this.cells.set(key, [point]);
  }

  /** Whether a point already held lies less than `withinMeters` east or north of `point`. */
  near(point: GeoPoint): boolean {
    const column = this.column(point);
    const row = this.row(point);
    for (let dx = -1; dx <= 1; dx += 1)
      for (let dy = -1; dy <= 1; dy += 1)
        for (const held of this.cells.get(this.key(column + dx, row + dy)) ?? [])
          if (chebyshevMeters(held, point) < this.withinMeters) return true;
    return false;
  }

  private column(point: GeoPoint): number {
    return Math.floor((point.lng * this.lngScale) / this.cellMeters);
  }

  private row(point: GeoPoint): number {
    return Math.floor((point.lat * METERS_PER_DEGREE_LAT) / this.cellMeters);
  }

  private key(column: number, row: number): string {
    return `${column},${row}`;
  }
}
