import { describe, expect, it } from "vitest";
import { runHealthChecks } from "./health.js";

describe("runHealthChecks", () => {
  it("is ok only when every check passes, and names the failing one", async () => {
    expect((await runHealthChecks("svc", { store: () => {} })).status).toBe("ok");
    const report = await runHealthChecks("svc", {
      store: () => {},
      bus: async () => {
        throw new Error("connection refused");
      },
    });
    expect(report).toMatchObject({
      status: "down",
      checks: { store: { status: "ok" }, bus: { status: "down", detail: "connection refused" } },
    });
  });

  it("fails a check that hangs", async () => {
    const report = await runHealthChecks("svc", { slow: () => new Promise(() => {}) }, 50);
    expect(report.checks.slow).toMatchObject({ status: "down", detail: "timed out after 50 ms" });
  });
});
