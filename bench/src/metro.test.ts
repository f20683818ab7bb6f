import { AUSTIN } from "@venta/demo";
import { greatCircleMeters } from "@venta/geo";
import { describe, expect, it } from "vitest";
import { benchVendors, queryCentres } from "./metro.js";

describe("the bench city", () => {
  it("is the same for the same seed", () => {
    const first = [...benchVendors(50, 7)];
    expect([...benchVendors(50, 7)]).toEqual(first);
    expect([...benchVendors(50, 8)]).not.toEqual(first);
  });

  it("stays within the 60 km square around Austin, denser towards the centre", () => {
    const distances = [...benchVendors(5_000, 2026)].map((v) => greatCircleMeters(AUSTIN, v.point));
    // The square's corners are 30 km × √2 away.
    expect(Math.max(...distances)).toBeLessThanOrEqual(30_000 * Math.SQRT2 + 1);
    const within5km = distances.filter((d) => d <= 5_000).length / distances.length;
    // An even spread would put 2 % within 5 km; the core puts far more there.
    expect(within5km).toBeGreaterThan(0.2);
  });

  it("gives each vendor its own id and slug", () => {
    const vendors = [...benchVendors(1_000, 1)];
    expect(new Set(vendors.map((v) => v.id)).size).toBe(1_000);
    expect(new Set(vendors.map((v) => v.slug)).size).toBe(1_000);
  });

  it("draws query centres apart from vendor positions", () => {
    const [vendor] = [...benchVendors(1, 2026)];
    expect(queryCentres(1, 2026)[0]).not.toEqual(vendor?.point);
  });
});
