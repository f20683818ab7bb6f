import { destinationPoint, type GeoPoint } from "@venta/geo";
import type { GraphQLError } from "graphql";
import { describe, expect, it } from "vitest";
import { validCircle, validFenceName, validPolygon, validShape } from "./geofence.validation.js";

const AUSTIN: GeoPoint = { lat: 30.2672, lng: -97.7431 };
const square = (meters: number): GeoPoint[] => [
  AUSTIN,
  destinationPoint(AUSTIN, 90, meters),
  destinationPoint(destinationPoint(AUSTIN, 90, meters), 0, meters),
  destinationPoint(AUSTIN, 0, meters),
];

/** The error's code and field, or "valid". */
function refusal(check: () => unknown): string {
  try {
    check();
    return "valid";
  } catch (error) {
    const { extensions } = error as GraphQLError;
    return `${String(extensions.code)} ${String(extensions.field)}`;
  }
}

describe("geofence shapes", () => {
  it("closes an open ring and accepts a closed one alike", () => {
    const open = validPolygon(square(200), "area.polygon");
    const closed = validPolygon([...square(200), AUSTIN], "area.polygon");
    expect(open).toEqual(closed);
    expect(open.type === "POLYGON" && open.ring).toHaveLength(4);
  });

  it.each<[string, GeoPoint[], string]>([
    ["two vertices", square(200).slice(0, 2), "BAD_USER_INPUT area.polygon"],
    [
      "a repeated vertex making two",
      [AUSTIN, AUSTIN, square(200)[1] as GeoPoint],
      "BAD_USER_INPUT area.polygon",
    ],
    [
      "101 vertices",
      Array.from({ length: 101 }, (_, i) => destinationPoint(AUSTIN, (i * 360) / 101, 500)),
      "BAD_USER_INPUT area.polygon",
    ],
    ["a bow tie", [0, 2, 1, 3].map((i) => square(200)[i] as GeoPoint), "BAD_USER_INPUT area.polygon"],
    ["a 5 m square", square(5), "BAD_USER_INPUT area.polygon"],
    ["a 150 km square", square(150_000), "BAD_USER_INPUT area.polygon"],
    [
      "a ring across the antimeridian",
      [
        { lat: -17, lng: 179.9 },
        { lat: -17, lng: -179.9 },
        { lat: -16.9, lng: -179.9 },
      ],
      "BAD_USER_INPUT area.polygon",
    ],
    ["a vertex at 86° north", [...square(200), { lat: 86, lng: 0 }], "BAD_USER_INPUT area.polygon.4.lat"],
    ["a vertex off the globe", [...square(200), { lat: 30, lng: 181 }], "BAD_USER_INPUT area.polygon.4.lng"],
  ])("refuses %s", (_what, ring, expected) => {
    expect(refusal(() => validPolygon(ring, "area.polygon"))).toBe(expected);
  });

  it("takes circles from 10 m to 50 km around a centre off the poles", () => {
    expect(refusal(() => validCircle(AUSTIN, 10, "area.circle"))).toBe("valid");
    expect(refusal(() => validCircle(AUSTIN, 50_000, "area.circle"))).toBe("valid");
    expect(refusal(() => validCircle(AUSTIN, 9.9, "area.circle"))).toBe(
      "BAD_USER_INPUT area.circle.radiusMeters",
    );
    expect(refusal(() => validCircle(AUSTIN, 50_001, "area.circle"))).toBe(
      "BAD_USER_INPUT area.circle.radiusMeters",
    );
    expect(refusal(() => validCircle(AUSTIN, Number.NaN, "area.circle"))).toBe(
      "BAD_USER_INPUT area.circle.radiusMeters",
    );
    expect(refusal(() => validCircle({ lat: -88, lng: 0 }, 100, "area.circle"))).toBe(
      "BAD_USER_INPUT area.circle.center.lat",
    );
  });

  it("wants exactly one of a circle and a polygon, and a name of 1 to 80 characters", () => {
    const circle = { center: AUSTIN, radiusMeters: 100 };
    expect(refusal(() => validShape({}, "area"))).toBe("BAD_USER_INPUT area");
    expect(refusal(() => validShape({ circle, polygon: square(200) }, "area"))).toBe("BAD_USER_INPUT area");
    expect(validShape({ circle }, "area")).toEqual({ type: "CIRCLE", ...circle });
    expect(validFenceName("  Home ", "name")).toBe("Home");
    expect(refusal(() => validFenceName("   ", "name"))).toBe("BAD_USER_INPUT name");
    expect(refusal(() => validFenceName("x".repeat(81), "name"))).toBe("BAD_USER_INPUT name");
  });
});
