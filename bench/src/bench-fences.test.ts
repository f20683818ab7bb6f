import { describe, expect, it } from "vitest";
import { ALERT_ZONES_PER_PERSON, alertZoneOwners, benchFences, FENCES, fenceMix } from "./bench-fences.js";
import { benchVendors } from "./metro.js";

const vendors = [...benchVendors(2_000, 2026)];
const fences = (person: (index: number) => string) => [
  ...benchFences({ vendors, seed: 2026, now: new Date(0), person }),
];

describe("the bench fences", () => {
  it("are 25,000: 60% alert circles, 25% alert polygons, the rest vendor zones", () => {
    expect(fenceMix()).toEqual({ alertCircles: 15_000, alertPolygons: 6_250, vendorZones: 3_750 });
    const all = fences((index) => `person-${index}`);
    expect(all).toHaveLength(FENCES);
    const kinds = (kind: string, type: string) =>
      all.filter((f) => f.kind === kind && f.shape.type === type).length;
    expect(kinds("ALERT_ZONE", "CIRCLE")).toBe(15_000);
    expect(kinds("ALERT_ZONE", "POLYGON")).toBe(6_250);
    expect(kinds("VENDOR_ZONE", "CIRCLE")).toBe(3_750);
  });

  it("give each person ten alert zones and each vendor zone to a vendor of the city", () => {
    const all = fences((index) => `person-${index}`);
    const owners = new Map<string, number>();
    for (const fence of all.filter((f) => f.kind === "ALERT_ZONE"))
      owners.set(fence.ownerId, (owners.get(fence.ownerId) ?? 0) + 1);
    expect(owners.size).toBe(alertZoneOwners());
    expect(alertZoneOwners()).toBe(2_125);
    expect([...owners.values()].every((zones) => zones === ALERT_ZONES_PER_PERSON)).toBe(true);
    expect(owners.has("person-0")).toBe(true);
    const ids = new Set(vendors.map((v) => v.id));
    expect(all.filter((f) => f.kind === "VENDOR_ZONE").every((f) => ids.has(f.ownerId))).toBe(true);
  });

  it("draw the same shapes for the same seed and vendors, whoever owns them", () => {
    const a = fences((index) => `a-${index}`).map((f) => f.shape);
    const b = fences((index) => `b-${index}`).map((f) => f.shape);
    expect(b).toEqual(a);
  });
});
