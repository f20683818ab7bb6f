import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { freePort, redisReachable } from "@venta/testing";

/** A redis-server of the test's own, on a free port, that it may stop and start at will. */
export interface DedicatedRedis {
  url: string;
  /** Shuts it down (SIGTERM: the append-only file is flushed) and waits for the process to exit. */
  stop(): Promise<void>;
  /** Starts it again on the same port and data directory, and waits until it accepts connections. */
  start(): Promise<void>;
  /** Stops it and removes its data. */
  close(): Promise<void>;
}

/**
 * Persists every write (append-only, fsync always), as a production Redis under the bus would: a
 * restart keeps the streams and consumer groups, so the drill is about the connection, not data loss.
 */
export async function dedicatedRedis(): Promise<DedicatedRedis> {
  const port = await freePort();
  const dir = mkdtempSync(join(tmpdir(), "venta-redis-"));
  const url = `redis://127.0.0.1:${port}`;
  let process: ChildProcess | undefined;
  let exited: Promise<void> = Promise.resolve();

  const start = async () => {
    const child = spawn(
      "redis-server",
      [
        "--port",
        String(port),
        "--bind",
        "127.0.0.1",
        "--dir",
        dir,
        "--save",
        "",
        "--appendonly",
        "yes",
      ].concat(["--appendfsync", "always"]),
      { stdio: "ignore" },
    );
    process = child;
    exited = new Promise((resolve) => child.once("exit", () => resolve()));
    const deadline = Date.now() + 10_000;
    while (!(await redisReachable(url))) {
      if (child.exitCode !== null) throw new Error(`redis-server exited (${child.exitCode}) on port ${port}`);
      if (Date.now() > deadline) throw new Error(`redis-server did not listen on port ${port}`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  };
  const stop = async () => {
    if (process && process.exitCode === null && process.signalCode === null) process.kill("SIGTERM");
    await exited;
    process = undefined;
  };
  await start();
  return {
    url,
    start,
    stop,
    async close() {
      await stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
