import { mkdtempSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { type ServiceProcess, spawnService } from "./service-process.js";

/** A process answering every request with `{ status: "ok", service }`, as the health routes do. */
function healthServer(): string {
  const entry = join(mkdtempSync(join(tmpdir(), "venta-service-")), "health.mjs");
  writeFileSync(
    entry,
    `import { createServer } from "node:http";
createServer((_req, res) => {
  res.setHeader("content-type", "application/json");
  res.end(JSON.stringify({ status: "ok", service: process.env.ANSWER_AS }));
}).listen(Number(process.env.PORT), "127.0.0.1");`,
  );
  return entry;
}

const freePort = () =>
  new Promise<number>((resolve) => {
    const server = createServer().listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() => resolve(typeof address === "object" && address ? address.port : 0));
    });
  });

describe("spawnService", () => {
  const running: ServiceProcess[] = [];
  afterEach(async () => {
    for (const service of running.splice(0)) await service.stop();
  });

  it("is healthy when the answer names the service it waits for, and refuses another service on its port", async () => {
    const entry = healthServer();
    const port = await freePort();
    const service = spawnService({
      name: "location",
      entry,
      env: { ...process.env, PORT: String(port), ANSWER_AS: "marketplace" },
    });
    running.push(service);
    const url = `http://127.0.0.1:${port}/health/ready`;
    await expect(service.waitUntilHealthy(url, 10_000, "location")).rejects.toThrow(
      "answered as marketplace, not location: another process holds the port",
    );
    await expect(service.waitUntilHealthy(url, 10_000)).resolves.toBeUndefined();
    await expect(service.waitUntilHealthy(url, 10_000, "marketplace")).resolves.toBeUndefined();
  });
});
