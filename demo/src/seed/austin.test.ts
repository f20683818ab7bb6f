import { greatCircleMeters } from "@venta/geo";
import { describe, expect, it } from "vitest";
import { AUSTIN, austinCity } from "./austin.js";

describe("the Austin demo data set", () => {
  it("is the same on every run", () => {
    expect(austinCity()).toEqual(austinCity());
  });

  it("has at least 500 vendors within 15 km of downtown, with unique names and cuisines", () => {
    const { vendors, owners } = austinCity();
    expect(vendors.length).toBeGreaterThanOrEqual(500);
    expect(new Set(vendors.map((v) => v.name)).size).toBe(vendors.length);
    for (const vendor of vendors) {
      expect(vendor.cuisines.length).toBeGreaterThan(0);
      expect(owners.some((o) => o.id === vendor.ownerId)).toBe(true);
      if (vendor.position) expect(greatCircleMeters(AUSTIN, vendor.position)).toBeLessThanOrEqual(15_000);
    }
    expect(
      vendors.filter((v) => v.position && greatCircleMeters(AUSTIN, v.position) <= 2000).length,
    ).toBeGreaterThan(50);
  });
});
