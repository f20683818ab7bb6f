import { randomUUID } from "node:crypto";
import { seededRandom } from "@venta/demo";
import { destinationPoint, type GeoPoint } from "@venta/geo";
import type { GeofenceRecord, GeofenceShape } from "@venta/location";
import { type BenchVendor, metroPoint } from "./metro.js";

/** Fences over the bench city in the figures that have them. */
export const FENCES = 25_000;
/** Alert zones per person: a few neighbourhoods each, as the app lets people draw. */
export const ALERT_ZONES_PER_PERSON = 10;

/** The mix of fences, as shares of `FENCES`; vendor zones are the rest. */
const ALERT_CIRCLES = 0.6;
const ALERT_POLYGONS = 0.25;

export interface FenceMix {
  alertCircles: number;
  alertPolygons: number;
  vendorZones: number;
}

export function fenceMix(fences = FENCES): FenceMix {
  const alertCircles = Math.round(fences * ALERT_CIRCLES);
  const alertPolygons = Math.round(fences * ALERT_POLYGONS);
  return { alertCircles, alertPolygons, vendorZones: fences - alertCircles - alertPolygons };
}

/** People who own the alert zones: `ALERT_ZONES_PER_PERSON` each. */
export const alertZoneOwners = (fences = FENCES): number => {
  const { alertCircles, alertPolygons } = fenceMix(fences);
  return Math.ceil((alertCircles + alertPolygons) / ALERT_ZONES_PER_PERSON);
};

/** A star-shaped ring around `center`: vertices at sorted angles, so its edges never cross. */
function starPolygon(center: GeoPoint, radiusMeters: number, random: () => number): GeofenceShape {
  const vertices = 5 + Math.floor(random() * 8);
  const ring = Array.from({ length: vertices }, (_, i) => {
    const bearing = ((i + 0.2 + random() * 0.6) * 360) / vertices;
    return destinationPoint(center, bearing, radiusMeters * (0.55 + random() * 0.45));
  });
  return { type: "POLYGON", ring };
}

export interface BenchFenceOptions {
  /** Vendors whose starting pitches the vendor zones are drawn around (and who own them). */
  vendors: readonly BenchVendor[];
  seed: number;
  now: Date;
  /** The id of the `index`-th person owning alert zones (0-based). */
  person: (index: number) => string;
  fences?: number;
}

/**
 * The fences: alert circles (150 m to 1 km) and polygons (200 to 800 m across each way) centred
 * like the city's people, dense downtown, owned `ALERT_ZONES_PER_PERSON` to a person; and vendor
 * zones (50 to 250 m) around vendors' starting pitches. The same seed and vendors give the same
 * shapes, whoever owns them.
 */
export function* benchFences(options: BenchFenceOptions): Generator<GeofenceRecord> {
  const { vendors, seed, now, person } = options;
  const fences = options.fences ?? FENCES;
  const random = seededRandom(seed ^ 0x27d4eb2f);
  const { alertCircles, alertPolygons } = fenceMix(fences);
  for (let n = 0; n < fences; n += 1) {
    const base = {
      id: randomUUID(),
      name: `bench fence ${n}`,
      roaming: false,
      createdAt: now,
      updatedAt: now,
    };
    if (n < alertCircles + alertPolygons) {
      const center = metroPoint(random);
      const shape: GeofenceShape =
        n < alertCircles
          ? { type: "CIRCLE", center, radiusMeters: 150 + random() * 850 }
          : starPolygon(center, 200 + random() * 600, random);
      yield { ...base, kind: "ALERT_ZONE", ownerId: person(Math.floor(n / ALERT_ZONES_PER_PERSON)), shape };
    } else {
      const vendor = vendors[Math.floor(random() * vendors.length)] as BenchVendor;
      yield {
        ...base,
        kind: "VENDOR_ZONE",
        ownerId: vendor.id,
        shape: { type: "CIRCLE", center: vendor.point, radiusMeters: 50 + random() * 200 },
      };
    }
  }
}
