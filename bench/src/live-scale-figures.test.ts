import { describe, expect, it } from "vitest";
import { moversForRate, REPORT_INTERVAL_SECONDS, reportsPerRequest } from "./live-scale-figures.js";

describe("the rate figures' shape", () => {
  it("batch a flush of 100 ms to a request, 1 to 100 updates", () => {
    expect(reportsPerRequest(1_000)).toBe(100);
    expect(reportsPerRequest(100)).toBe(10);
    expect(reportsPerRequest(5)).toBe(1);
    expect(reportsPerRequest(5_000)).toBe(100);
  });

  it("grow the movers with the rate, so each reports as often whatever the rate", () => {
    expect(REPORT_INTERVAL_SECONDS).toBe(2);
    expect(moversForRate(1_000)).toBe(2_000);
    expect(moversForRate(100)).toBe(200);
  });
});
