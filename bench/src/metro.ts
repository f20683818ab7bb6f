import { AUSTIN, demoId, seededRandom } from "@venta/demo";
import type { GeoPoint } from "@venta/geo";

/** Half the side of the square the bench city covers: about 60 km × 60 km, the size of the Austin metro. */
const HALF_SIDE_METERS = 30_000;
/** Share of vendors in the urban core; real cities are far denser downtown than at the edge. */
const CORE_SHARE = 0.5;
const CORE_SIGMA_METERS = 5_000;
const METERS_PER_DEGREE_LAT = 111_195;
const METERS_PER_DEGREE_LNG = METERS_PER_DEGREE_LAT * Math.cos((AUSTIN.lat * Math.PI) / 180);
/** 2025-01-01: creation times are fixed so the same seed always describes the same vendors. */
const EPOCH = Date.UTC(2025, 0, 1);
const CUISINES = [
  "tacos",
  "bbq",
  "coffee",
  "tex-mex",
  "burgers",
  "pizza",
  "thai",
  "vietnamese",
  "vegan",
  "desserts",
];

export interface BenchVendor {
  n: number;
  id: string;
  name: string;
  slug: string;
  cuisines: string[];
  ownerId: string;
  isOpen: boolean;
  point: GeoPoint;
  createdAt: Date;
  /** How long before generation its position was recorded: every vendor is recent. */
  secondsAgo: number;
}

export interface BenchOwner {
  id: string;
  displayName: string;
  createdAt: Date;
}

/** One point of the metro: half from a Gaussian core around downtown, half spread evenly over the square. */
export function metroPoint(random: () => number): GeoPoint {
  let east: number;
  let north: number;
  if (random() < CORE_SHARE) {
    do {
      // Box–Muller: two uniforms give two independent normals.
      const radius = Math.sqrt(-2 * Math.log(1 - random())) * CORE_SIGMA_METERS;
      const angle = 2 * Math.PI * random();
      east = radius * Math.cos(angle);
      north = radius * Math.sin(angle);
    } while (Math.abs(east) > HALF_SIDE_METERS || Math.abs(north) > HALF_SIDE_METERS);
  } else {
    east = (random() * 2 - 1) * HALF_SIDE_METERS;
    north = (random() * 2 - 1) * HALF_SIDE_METERS;
  }
  return { lat: AUSTIN.lat + north / METERS_PER_DEGREE_LAT, lng: AUSTIN.lng + east / METERS_PER_DEGREE_LNG };
}

/** Where the benchmarked customers stand: drawn like vendors, so searches land where people are. */
export function queryCentres(count: number, seed: number): GeoPoint[] {
  // A different stream from the vendors', so centres are not vendor positions themselves.
  const random = seededRandom(seed ^ 0x5bd1e995);
  return Array.from({ length: count }, () => metroPoint(random));
}

export const ownerCount = (vendorCount: number) => Math.ceil(vendorCount / 4);

export function* benchOwners(vendorCount: number): Generator<BenchOwner> {
  for (let n = 1; n <= ownerCount(vendorCount); n += 1)
    yield { id: demoId("user", n), displayName: `Owner ${n}`, createdAt: new Date(EPOCH) };
}

/** The same vendors for the same count and seed, generated lazily so a million never sit in memory. */
export function* benchVendors(count: number, seed: number): Generator<BenchVendor> {
  const random = seededRandom(seed);
  const owners = ownerCount(count);
  for (let n = 1; n <= count; n += 1) {
    const main = CUISINES[Math.floor(random() * CUISINES.length)] as string;
    const second = CUISINES[Math.floor(random() * CUISINES.length)] as string;
    yield {
      n,
      id: demoId("vendor", n),
      name: `Bench Vendor ${n}`,
      slug: `bench-vendor-${n}`,
      cuisines: random() < 0.35 && second !== main ? [main, second] : [main],
      ownerId: demoId("user", ((n - 1) % owners) + 1),
      isOpen: random() < 0.65,
      point: metroPoint(random),
      createdAt: new Date(EPOCH + n * 1000),
      secondsAgo: Math.floor(random() * 90),
    };
  }
}
