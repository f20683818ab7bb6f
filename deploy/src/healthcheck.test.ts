import { execFile } from "node:child_process";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { join } from "node:path";
import { promisify } from "node:util";
import { afterEach, describe, expect, it } from "vitest";
import { kubernetesDir } from "./kustomize.js";

const script = join(kubernetesDir, "..", "docker", "healthcheck.mjs");
const run = promisify(execFile);

/** The script's exit code, for a container whose process 1 runs `command`. */
async function healthcheck(command: string[], env: Record<string, string>): Promise<number> {
  try {
    await run(process.execPath, [script, ...command], { env: { ...process.env, ...env } });
    return 0;
  } catch (error) {
    return (error as { code?: number }).code ?? -1;
  }
}

let server: Server | undefined;
afterEach(() => server?.close());

/** A stand-in service answering `/health/live` with `status`; returns its port. */
async function serve(status: number): Promise<string> {
  server = createServer((req, res) => {
    res.writeHead(req.url === "/health/live" ? status : 404).end();
  });
  await new Promise<void>((resolve) => server?.listen(0, "127.0.0.1", resolve));
  return String((server.address() as AddressInfo).port);
}

describe("the image's HEALTHCHECK script", () => {
  it("asks /health/live on the port of the service the container runs", async () => {
    const port = await serve(200);
    expect(await healthcheck(["node", "subgraphs/location/dist/main.js"], { LOCATION_PORT: port })).toBe(0);
    // The router's port variable is not this service's: nothing listens there.
    expect(
      await healthcheck(["node", "router/dist/main.js"], { ROUTER_PORT: "1", LOCATION_PORT: port }),
    ).toBe(1);
  });

  it("fails while the service says it is not alive", async () => {
    const port = await serve(503);
    expect(await healthcheck(["node", "router/dist/main.js"], { ROUTER_PORT: port })).toBe(1);
  });

  it("passes a one-off command that serves nothing", async () => {
    expect(await healthcheck(["node", "demo/dist/seed.cli.js"], {})).toBe(0);
  });
});
