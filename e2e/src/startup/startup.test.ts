import { join } from "node:path";
import { repoRoot, spawnService } from "@venta/kit";
import { SERVICE_ENTRIES } from "@venta/testing";
import { describe, expect, it } from "vitest";

describe("starting a service", () => {
  it.each(["marketplace", "location", "router"] as const)(
    "%s refuses a bad environment with a message naming the variable",
    async (name) => {
      const lines: string[] = [];
      const service = spawnService({
        name,
        entry: join(repoRoot(), SERVICE_ENTRIES[name]),
        env: {
          ...process.env,
          LOG_LEVEL: "shouting",
          ROUTER_PORT: "-1",
          MARKETPLACE_PORT: "x",
          LOCATION_PORT: "70000",
        },
        onLine: (line) => lines.push(line),
      });
      expect(await service.exited).toBe(1);
      const output = lines.join("\n");
      expect(output).toContain("Invalid environment");
      expect(output).toContain("LOG_LEVEL");
      expect(output).toContain(
        name === "router" ? "ROUTER_PORT" : name === "location" ? "LOCATION_PORT" : "MARKETPLACE_PORT",
      );
      expect(output).not.toMatch(/\bat .*\.js:\d+/);
    },
  );
});
