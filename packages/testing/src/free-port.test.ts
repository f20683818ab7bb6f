import { createServer, type Server } from "node:net";
import { describe, expect, it } from "vitest";
import { freePort } from "./free-port.js";

const listenOn = (port: number) =>
  new Promise<Server>((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(port, "127.0.0.1", () => resolve(server));
  });

describe("free ports for test services", () => {
  it("come from below the ephemeral range, distinct from one call to the next, and bindable", async () => {
    const ports = [await freePort(), await freePort(), await freePort()];
    expect(new Set(ports).size).toBe(3);
    for (const port of ports) {
      expect(port).toBeGreaterThanOrEqual(20_000);
      expect(port).toBeLessThan(32_768);
      const server = await listenOn(port);
      await new Promise((resolve) => server.close(resolve));
    }
  });

  it("skip a port something already listens on", async () => {
    const taken = await listenOn(await freePort());
    try {
      const address = taken.address();
      const takenPort = typeof address === "object" && address ? address.port : 0;
      for (let i = 0; i < 20; i += 1) expect(await freePort()).not.toBe(takenPort);
    } finally {
      await new Promise((resolve) => taken.close(resolve));
    }
  });
});
