import { destinationPoint } from "@venta/geo";
import type { GeofenceRecord } from "@venta/location";
import { describe, expect, it } from "vitest";
import { FAVORITES_PER_PERSON, favoritesInZones } from "./alert-favorites.js";
import type { BenchVendor } from "./metro.js";

const center = { lat: 30.2672, lng: -97.7431 };
const vendorAt = (n: number, bearing: number, meters: number): BenchVendor => ({
  n,
  id: `vendor-${n}`,
  name: `Vendor ${n}`,
  slug: `vendor-${n}`,
  cuisines: ["tacos"],
  ownerId: "owner",
  isOpen: true,
  point: destinationPoint(center, bearing, meters),
  createdAt: new Date(0),
  secondsAgo: 0,
});
const fence = (ownerId: string, radiusMeters: number, kind: GeofenceRecord["kind"] = "ALERT_ZONE") =>
  ({
    id: `${ownerId}-${radiusMeters}`,
    name: "zone",
    kind,
    ownerId,
    roaming: false,
    createdAt: new Date(0),
    updatedAt: new Date(0),
    shape: { type: "CIRCLE", center, radiusMeters },
  }) satisfies GeofenceRecord;

describe("favoritesInZones", () => {
  const vendors = [0, 1, 2, 3, 4].map((n) => vendorAt(n, n * 72, 100 + n * 200));

  it("favorites the reporting vendors inside a person's alert circles, a few per person", () => {
    const favorites = favoritesInZones([fence("ann", 350), fence("bob", 2_000)], vendors);
    expect(favorites.get("ann")).toEqual(["vendor-0", "vendor-1"]);
    expect(favorites.get("bob")).toHaveLength(FAVORITES_PER_PERSON);
  });

  it("leaves out vendor zones and people with no vendor inside their zones", () => {
    const favorites = favoritesInZones([fence("cat", 50), fence("vendor-9", 2_000, "VENDOR_ZONE")], vendors);
    expect(favorites.size).toBe(0);
  });
});
