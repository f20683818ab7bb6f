import { describe, expect, it } from "vitest";
import { BenchUsageError, connectionsFor, parseBenchArgs, USAGE, wantsHelp } from "./args.js";

describe("parseBenchArgs", () => {
  it("defaults to every figure once: 100k and 1M vendors for 10 s, 1k and 10k subscriptions", () => {
    expect(parseBenchArgs([])).toEqual({
      vendorCounts: [100_000, 1_000_000],
      durationSeconds: 10,
      connections: undefined,
      seed: 2026,
      suites: ["proximity", "live", "geofences", "fenced", "throughput"],
      subscriptionCounts: [1_000, 10_000],
      updateRate: 100,
      liveRates: [1_000],
      twoRouterSubscriptions: [50_000],
      repeat: 1,
    });
  });

  it("reads the flags", () => {
    const options = parseBenchArgs(["--vendors", "1000, 2000", "--duration", "5", "--connections", "1"]);
    expect(options).toMatchObject({ vendorCounts: [1000, 2000], durationSeconds: 5, connections: 1 });
  });

  it("reads the live flags", () => {
    const options = parseBenchArgs(["--only", "live", "--subscriptions", "500", "--update-rate", "50"]);
    expect(options).toMatchObject({ suites: ["live"], subscriptionCounts: [500], updateRate: 50 });
    expect(parseBenchArgs(["--only", "live,proximity"]).suites).toEqual(["proximity", "live"]);
    expect(parseBenchArgs(["--only", "geofences"]).suites).toEqual(["geofences"]);
    expect(parseBenchArgs(["--only", "fenced"]).suites).toEqual(["fenced"]);
    expect(parseBenchArgs(["--only", "throughput,fenced"]).suites).toEqual(["fenced", "throughput"]);
  });

  it("reads the batched rates and the two-router counts, or none of either", () => {
    const options = parseBenchArgs(["--live-rates", "100, 1000", "--two-routers", "20000,50000"]);
    expect(options).toMatchObject({ liveRates: [100, 1_000], twoRouterSubscriptions: [20_000, 50_000] });
    const neither = parseBenchArgs(["--live-rates", "none", "--two-routers", "none"]);
    expect(neither).toMatchObject({ liveRates: [], twoRouterSubscriptions: [] });
    expect(() => parseBenchArgs(["--live-rates", "0"])).toThrow(/--live-rates/);
    expect(() => parseBenchArgs(["--live-rates", ","])).toThrow(/--live-rates/);
    expect(() => parseBenchArgs(["--two-routers", "lots"])).toThrow(/--two-routers/);
    expect(() => parseBenchArgs(["--two-routers", "none,5"])).toThrow(/--two-routers/);
  });

  it("reads --only throughput and --repeat", () => {
    const options = parseBenchArgs(["--only", "throughput", "--repeat", "3"]);
    expect(options).toMatchObject({ suites: ["throughput"], repeat: 3 });
  });

  it("gives proximity one connection and throughput twenty unless --connections says otherwise", () => {
    const defaults = parseBenchArgs([]);
    expect(connectionsFor(defaults, "proximity")).toBe(1);
    expect(connectionsFor(defaults, "throughput")).toBe(20);
    const chosen = parseBenchArgs(["--connections", "8"]);
    expect(connectionsFor(chosen, "proximity")).toBe(8);
    expect(connectionsFor(chosen, "throughput")).toBe(8);
  });

  it("refuses what is not a positive integer or a known suite", () => {
    expect(() => parseBenchArgs(["--duration", "0"])).toThrow(/--duration/);
    expect(() => parseBenchArgs(["--vendors", "1e3x"])).toThrow(/--vendors/);
    expect(() => parseBenchArgs(["--subscriptions", "-1"])).toThrow(/--subscriptions/);
    expect(() => parseBenchArgs(["--repeat", "0"])).toThrow(/--repeat/);
    expect(() => parseBenchArgs(["--connections", "2.5"])).toThrow(/--connections/);
    expect(() => parseBenchArgs(["--only", "nearby"])).toThrow(/--only/);
    expect(() => parseBenchArgs(["--nope"])).toThrow();
  });

  it("names every suite in the usage line", () => {
    expect(USAGE).toContain("--only proximity|live|geofences|fenced|throughput");
  });

  it("answers --help with the usage line and a bad flag with its message and the usage, not a stack", () => {
    expect(wantsHelp(["--help"])).toBe(true);
    expect(wantsHelp(["--only", "live", "-h"])).toBe(true);
    expect(wantsHelp(["--only", "live"])).toBe(false);
    for (const argv of [["--nope"], ["--duration", "0"], ["--only", "speed"]]) {
      const error = (() => {
        try {
          parseBenchArgs(argv);
        } catch (caught) {
          return caught;
        }
      })();
      expect(error).toBeInstanceOf(BenchUsageError);
      expect((error as Error).message.endsWith(USAGE)).toBe(true);
      expect((error as Error).message.split(USAGE).length).toBe(2);
    }
  });
});
