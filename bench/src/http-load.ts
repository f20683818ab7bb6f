import { progressBar } from "@venta/kit";
import autocannon from "autocannon";
import { type LatencySummary, summarize } from "./figure.js";
import { cpuMicrosPerRequest, readCpu } from "./process-cpu.js";
import type { StageBreakdown } from "./stage-breakdown.js";
import type { StageWindow } from "./stage-window.js";

export interface HttpLoadOptions {
  /** The target's GraphQL endpoint. */
  url: string;
  /** Request bodies posted as JSON, each request the next one in turn across all connections. */
  bodies: readonly string[];
  /** Headers each request carries, read per request: a subgraph needs the router's signature, which expires. */
  headers: () => Record<string, string>;
  connections: number;
  durationSeconds: number;
  warmupSeconds: number;
  label: string;
  /** Opened and closed around the measured run (not the warm-up), for the figure's stages. */
  stages?: StageWindow | undefined;
  /** Processes (name → pid) whose CPU time over the measured run is charged to its requests. */
  processes?: Readonly<Record<string, number>> | undefined;
}

export interface HttpLoadResult {
  /** Answers measured (after warm-up). */
  requests: number;
  seconds: number;
  rps: number;
  latencyMs: LatencySummary;
  /** Transport errors, timeouts, non-2xx answers and GraphQL errors together. */
  errors: number;
  /** The same, by kind: a timeout (no answer in autocannon's 10 s) says queueing, not a failure. */
  errorKinds: ErrorKinds;
  /** Where the time went in the services, when a stage window was given. */
  stages?: StageBreakdown;
  /** CPU µs each watched process spent per answer, when processes were given (Linux only). */
  cpuMicrosPerRequest?: Record<string, number>;
}

export interface ErrorKinds {
  transport: number;
  timeouts: number;
  non2xx: number;
  /** 2xx answers holding `errors`. */
  graphql: number;
}

/**
 * Closed-loop load from autocannon: each connection posts its next request when its answer
 * arrives. A warm-up first lets the JIT, SQLite's page cache and query-plan caches settle.
 */
export async function measureHttpLoad(options: HttpLoadOptions): Promise<HttpLoadResult> {
  // One shared cursor over the bodies: autocannon would otherwise walk each connection through the
  // list from the start, so the connections would send the same body at the same moment, which a
  // gateway that merges identical requests in flight answers for the price of one.
  let next = 0;
  const requests = [
    {
      method: "POST" as const,
      path: new URL(options.url).pathname,
      setupRequest: (request: autocannon.Request) => ({
        ...request,
        headers: { ...request.headers, "content-type": "application/json", ...options.headers() },
        body: options.bodies[next++ % options.bodies.length],
      }),
    },
  ];
  await cannon(options, requests, options.warmupSeconds, `${options.label} (warm-up)`);
  await options.stages?.open();
  const cpuBefore = options.processes && readCpu(options.processes);
  const { result, samples } = await cannon(options, requests, options.durationSeconds, options.label);
  const cpuAfter = options.processes && readCpu(options.processes);
  const stages = await options.stages?.close();
  return {
    requests: samples.length,
    seconds: result.duration,
    rps: samples.length / result.duration,
    latencyMs: summarize(samples),
    // autocannon counts a timeout among its errors as well as on its own: once here.
    errors: result.errors + result.non2xx + result.mismatches,
    errorKinds: {
      transport: result.errors - result.timeouts,
      timeouts: result.timeouts,
      non2xx: result.non2xx,
      graphql: result.mismatches,
    },
    ...(stages ? { stages } : {}),
    ...(cpuBefore && cpuAfter
      ? { cpuMicrosPerRequest: cpuMicrosPerRequest(cpuBefore, cpuAfter, samples.length) }
      : {}),
  };
}

async function cannon(
  options: HttpLoadOptions,
  requests: autocannon.Request[],
  seconds: number,
  label: string,
): Promise<{ result: autocannon.Result; samples: number[] }> {
  const samples: number[] = [];
  const progress = progressBar(label, seconds);
  let ticks = 0;
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon(
      {
        url: options.url,
        connections: options.connections,
        duration: seconds,
        requests,
        // GraphQL reports failures in a 200 answer: count those as errors too.
        verifyBody: (body) => !String(body).includes('"errors"'),
      },
      (error: unknown, done: autocannon.Result) => (error ? reject(error) : resolve(done)),
    );
    // Our own samples, because autocannon's histogram holds whole milliseconds and has no p95.
    instance.on("response", (_client, statusCode, _bytes, responseTime) => {
      if (statusCode >= 200 && statusCode < 300) samples.push(responseTime);
    });
    instance.on("tick", () => progress.update(Math.min(seconds, ++ticks)));
  });
  progress.done();
  return { result, samples };
}
