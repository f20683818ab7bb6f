import { describe, expect, it } from "vitest";
import { parseBenchArgs } from "./args.js";

describe("parseBenchArgs", () => {
  it("defaults to 100k and 1M vendors for 10 s", () => {
    expect(parseBenchArgs([])).toEqual({
      vendorCounts: [100_000, 1_000_000],
      durationSeconds: 10,
      connections: 1,
      seed: 2026,
    });
  });

  it("reads the flags", () => {
    const options = parseBenchArgs(["--vendors", "1000, 2000", "--duration", "5", "--connections", "1"]);
    expect(options).toMatchObject({ vendorCounts: [1000, 2000], durationSeconds: 5, connections: 1 });
  });

  it("refuses what is not a positive integer", () => {
    expect(() => parseBenchArgs(["--duration", "0"])).toThrow(/--duration/);
    expect(() => parseBenchArgs(["--vendors", "1e3x"])).toThrow(/--vendors/);
    expect(() => parseBenchArgs(["--nope"])).toThrow();
  });
});
