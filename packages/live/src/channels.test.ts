import { getResolution } from "h3-js";
import { describe, expect, it } from "vitest";
import { areaBoxes, MAX_BOX_DEGREES } from "./area.js";
import { channelsFor, RESOLUTIONS, watchesFineCells } from "./channels.js";

const resolutions = (channels: string[]) =>
  new Set(channels.map((channel) => getResolution(channel.slice("cell:".length))));

const DOWNTOWN_VIEWPORT = { south: 30.26, west: -97.75, north: 30.275, east: -97.735 };
const LARGEST_VIEWPORT = {
  south: 29.3,
  west: -98.9,
  north: 29.3 + MAX_BOX_DEGREES * 0.995,
  east: -98.9 + MAX_BOX_DEGREES * 0.995,
};

describe("live channels for an area", () => {
  it("watches a street-level viewport through a few fine cells", () => {
    const channels = channelsFor({ kind: "box", box: DOWNTOWN_VIEWPORT });
    expect(resolutions(channels)).toEqual(new Set([RESOLUTIONS.fine]));
    expect(channels.length).toBeLessThanOrEqual(48);
  });

  it("watches the largest viewport through coarse cells, chosen from its area before listing fine ones", () => {
    expect(watchesFineCells([LARGEST_VIEWPORT])).toBe(false);
    const channels = channelsFor({ kind: "box", box: LARGEST_VIEWPORT });
    expect(resolutions(channels)).toEqual(new Set([RESOLUTIONS.coarse]));
  });

  it("watches a 50 km circle through coarse cells without listing fine ones", () => {
    const circle = { kind: "circle", center: { lat: 30.2672, lng: -97.7431 }, radiusMeters: 50_000 } as const;
    expect(watchesFineCells(areaBoxes(circle))).toBe(false);
    expect(resolutions(channelsFor(circle))).toEqual(new Set([RESOLUTIONS.coarse]));
  });

  it("falls back to coarse cells when an area's fringe of fine cells runs past the limit", () => {
    // About 40 cells' worth of area: under the estimate's limit, over it once the edges are counted.
    const side = Math.sqrt(40 * 5.16) / 111.32;
    const box = { south: 30.2, west: -97.8, north: 30.2 + side, east: -97.8 + side / Math.cos(0.527) };
    expect(watchesFineCells([box])).toBe(true);
    expect(resolutions(channelsFor({ kind: "box", box }))).toEqual(new Set([RESOLUTIONS.coarse]));
  });
});
