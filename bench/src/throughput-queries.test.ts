import { greatCircleMeters } from "@venta/geo";
import { describe, expect, it } from "vitest";
import { coreCentres, DENSE_CORE, requestBodies } from "./throughput-queries.js";

describe("the throughput searches", () => {
  it("are centred within 200 m of downtown, each on a different point", () => {
    const centres = coreCentres();
    expect(new Set(centres.map((c) => `${c.lat},${c.lng}`)).size).toBe(centres.length);
    for (const centre of centres) expect(greatCircleMeters(DENSE_CORE, centre)).toBeLessThanOrEqual(200.5);
  });

  it("post one body per centre, and { __typename } alone as it is", () => {
    expect(requestBodies("nearby 50, names")).toHaveLength(coreCentres().length);
    expect(requestBodies("typename")).toEqual([JSON.stringify({ query: "{ __typename }" })]);
  });
});
