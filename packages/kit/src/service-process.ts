import { type ChildProcess, spawn } from "node:child_process";
import { createInterface } from "node:readline";

export interface ServiceProcessOptions {
  name: string;
  /** The compiled entry point, run with this Node. */
  entry: string;
  env: NodeJS.ProcessEnv;
  /** Each line the service prints, stdout and stderr alike. */
  onLine?: (line: string) => void;
}

export interface ServiceProcess {
  name: string;
  child: ChildProcess;
  /** Settles when the process has exited, with its exit code (or the signal's name). */
  exited: Promise<number | string>;
  /**
   * Polls a URL until it answers 2xx, failing early if the process dies. With `service`, the answer
   * must also name that service (the `service` of the health routes' JSON): a port picked free and
   * taken by another process before this one bound it answers as something else, and is refused
   * rather than mistaken for this service.
   */
  waitUntilHealthy(url: string, timeoutMs?: number, service?: string): Promise<void>;
  /** SIGTERM, then SIGKILL if the process outlives `graceMs`. */
  stop(graceMs?: number): Promise<void>;
}

/** Runs one service as a child process: used by `npm start` and by the end-to-end tests alike. */
export function spawnService({ name, entry, env, onLine }: ServiceProcessOptions): ServiceProcess {
  const child = spawn(process.execPath, [entry], { env, stdio: ["ignore", "pipe", "pipe"] });
  for (const stream of [child.stdout, child.stderr]) {
    const lines = createInterface({ input: stream });
    lines.on("line", (line) => onLine?.(line));
  }
  const exited = new Promise<number | string>((resolve) => {
    // "close" rather than "exit": it waits for the output streams, so a service's last lines are kept.
    child.once("close", (code, signal) => resolve(code ?? signal ?? "unknown"));
  });
  let exitStatus: number | string | undefined;
  void exited.then((status) => {
    exitStatus = status;
  });

  return {
    name,
    child,
    exited,
    async waitUntilHealthy(url, timeoutMs = 30_000, service) {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        if (exitStatus !== undefined) throw new Error(`${name} exited (${exitStatus}) before it was healthy`);
        let answeredBy: string | undefined;
        try {
          const response = await fetch(url, { signal: AbortSignal.timeout(1_000) });
          if (response.ok) {
            if (service === undefined) return;
            answeredBy = serviceOf(await response.json().catch(() => null));
            if (answeredBy === service) return;
          }
        } catch {
          // Not listening yet.
        }
        if (answeredBy !== undefined)
          throw new Error(`${url} answered as ${answeredBy}, not ${service}: another process holds the port`);
        if (Date.now() > deadline)
          throw new Error(`${name} was not healthy at ${url} within ${timeoutMs} ms`);
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    },
    async stop(graceMs = 10_000) {
      if (exitStatus !== undefined) return;
      child.kill("SIGTERM");
      const timer = setTimeout(() => child.kill("SIGKILL"), graceMs);
      await exited;
      clearTimeout(timer);
    },
  };
}

/** The `service` a health route's JSON names, if it names one. */
function serviceOf(body: unknown): string | undefined {
  if (typeof body !== "object" || body === null || !("service" in body)) return undefined;
  return typeof body.service === "string" ? body.service : undefined;
}
