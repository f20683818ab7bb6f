import { describe, expect, it } from "vitest";
import { cpuMicrosPerRequest, cpuShares, machineTicks, processTicks } from "./process-cpu.js";

describe("CPU shares from /proc", () => {
  it("reads a process's user and system ticks, even with spaces in its name", () => {
    const stat = "4242 (node main (x)) S 1 4242 4242 0 -1 4194560 9000 0 0 0 350 120 0 0 20 0 11 0 100 0 0";
    expect(processTicks(stat)).toBe(470);
  });

  it("reads the machine's busy ticks: everything but idle and iowait", () => {
    const stat = "cpu  100 5 50 1000 40 3 2 0 0 0\ncpu0 50 2 25 500 20 1 1 0 0 0\n";
    expect(machineTicks(stat)).toBe(160);
  });

  it("gives each process's percent of one core and the machine's over the interval", () => {
    const before = { processes: { location: 1_000, router: 500 }, machine: 10_000 };
    const after = { processes: { location: 1_450, router: 600 }, machine: 10_900 };
    expect(cpuShares(before, after, 5)).toEqual({ location: 90, router: 20, machine: 180 });
  });

  it("charges each process's CPU time to the requests answered meanwhile, in microseconds", () => {
    const before = { processes: { location: 1_000, router: 500 }, machine: 10_000 };
    const after = { processes: { location: 1_450, router: 600 }, machine: 10_900 };
    // 4.5 s and 1 s of CPU over 9,000 requests.
    expect(cpuMicrosPerRequest(before, after, 9_000)).toEqual({ location: 500, router: 111 });
    expect(cpuMicrosPerRequest(before, after, 0)).toEqual({});
  });
});
