import { destinationPoint, type GeoPoint, greatCircleMeters, initialBearing } from "@venta/geo";
import { ConfigError } from "@venta/kit";

const VENDOR_LOCATION = `query DriveFrom($id: ID!) { vendor(id: $id) { name location { point { lat lng } } } }`;
const REPORT = `mutation Drive($input: UpdateVendorLocationInput!) { updateVendorLocation(input: $input) { updatedAt } }`;

export interface DriveOptions {
  url: string;
  token: string;
  vendorId: string;
  to: GeoPoint;
  /** Where to start; by default the vendor's current position. */
  from?: GeoPoint | undefined;
  metersPerSecond: number;
  intervalSeconds: number;
  /** Progress lines, one per report. */
  print: (line: string) => void;
}

/**
 * Drives one vendor in a straight line to a point, reporting its position through the public API
 * every interval as its phone would, and stops on arrival: the way to walk a vendor into a zone.
 */
export async function driveVendor(options: DriveOptions): Promise<void> {
  const call = async <T>(query: string, variables: Record<string, unknown>): Promise<T> => {
    const response = await fetch(options.url, {
      method: "POST",
      headers: { "content-type": "application/json", authorization: `Bearer ${options.token}` },
      body: JSON.stringify({ query, variables }),
    });
    const body = (await response.json()) as { data?: T; errors?: { message: string }[] };
    if (body.errors?.length || !body.data)
      throw new Error(body.errors?.[0]?.message ?? `HTTP ${response.status}`);
    return body.data;
  };
  const { vendor } = await call<{
    vendor: { name: string; location: { point: GeoPoint } | null } | null;
  }>(VENDOR_LOCATION, { id: options.vendorId });
  if (!vendor) throw new ConfigError(`no vendor with id ${options.vendorId}`);
  const start = options.from ?? vendor.location?.point;
  if (!start) throw new ConfigError(`${vendor.name} has no position yet: give --from lat,lng`);
  let position: GeoPoint = start;

  const report = async (point: GeoPoint, heading: number | null) => {
    await call(REPORT, { input: { vendorId: options.vendorId, ...point, heading, accuracyMeters: 8 } });
  };
  const step = options.metersPerSecond * options.intervalSeconds;
  for (;;) {
    const left = greatCircleMeters(position, options.to);
    const heading: number | null = left > 0 ? initialBearing(position, options.to) : null;
    position = left <= step ? options.to : destinationPoint(position, heading ?? 0, step);
    await report(position, heading);
    const remaining = greatCircleMeters(position, options.to);
    options.print(
      `${vendor.name} at ${position.lat.toFixed(5)},${position.lng.toFixed(5)}: ${Math.round(remaining)} m to go`,
    );
    if (remaining === 0) return;
    await new Promise((resolve) => setTimeout(resolve, options.intervalSeconds * 1000));
  }
}

/** Reads "lat,lng" as a point. */
export function parsePoint(text: string, name: string): GeoPoint {
  const [lat, lng, ...rest] = text.split(",").map((part) => Number(part.trim()));
  if (
    rest.length > 0 ||
    lat === undefined ||
    lng === undefined ||
    !Number.isFinite(lat) ||
    !Number.isFinite(lng)
  ) {
    throw new ConfigError(`${name} must look like 30.2672,-97.7431`);
  }
  if (Math.abs(lat) > 90 || Math.abs(lng) > 180) throw new ConfigError(`${name} is not a point on Earth`);
  return { lat, lng };
}
