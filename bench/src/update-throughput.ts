import type { GeoPoint } from "@venta/geo";
import { progressBar } from "@venta/kit";
import { postGraphQL } from "@venta/testing";
import autocannon from "autocannon";
import type { HeadersFor } from "./bench-auth.js";
import { type LatencySummary, summarize } from "./figure.js";
import { benchVendors } from "./metro.js";
import { wigglePoint } from "./movers.js";
import { cpuMicrosPerRequest, readCpu } from "./process-cpu.js";
import type { StageBreakdown } from "./stage-breakdown.js";
import type { StageWindow } from "./stage-window.js";

export type UpdateTarget = "router" | "location direct";
export type UpdateMutation = "updateVendorLocation" | "updateVendorLocations ×100";

export const BATCH_SIZE = 100;
/** Ten devices' worth of connections, each sending its next report as soon as one is answered. */
export const UPDATE_CONNECTIONS = 10;
/** Distinct vendors reporting, so no figure rests on one row being rewritten. */
const POOL_VENDORS = 5_000;
/** Positions per vendor in the prepared bodies; they are reused in turn once all are sent. */
const STEPS = 4;

const SINGLE = `mutation Move($input: UpdateVendorLocationInput!) {
  updateVendorLocation(input: $input) { updatedAt }
}`;
export const BATCH_UPDATE_MUTATION = `mutation MoveMany($inputs: [UpdateVendorLocationInput!]!) {
  updateVendorLocations(inputs: $inputs) { updatedAt }
}`;

/** What closed-loop update load came to: the fields every update figure shares. */
export interface UpdateLoad {
  connections: number;
  seconds: number;
  /** Requests answered; a batch request carries several updates. */
  requests: number;
  /** Updates in answers without GraphQL errors. */
  acceptedUpdates: number;
  updatesPerSecond: number;
  /** Requests that failed: transport errors, timeouts, non-2xx answers and GraphQL errors. */
  errors: number;
  /** Per request. */
  latencyMs: LatencySummary;
}

export interface UpdateThroughputFigure extends UpdateLoad {
  vendors: number;
  target: UpdateTarget;
  mutation: UpdateMutation;
  notes: string[];
  /** Where the time went in the services over the measured window. */
  stages?: StageBreakdown;
  /** CPU µs each service spent per accepted update over the measured window (Linux only). */
  cpuMicrosPerUpdate?: Record<string, number>;
}

export interface SkippedFigure {
  target: UpdateTarget;
  mutation: UpdateMutation;
  reason: string;
}

export interface UpdateThroughputOptions {
  vendors: number;
  seed: number;
  target: UpdateTarget;
  /** The target's GraphQL endpoint. */
  url: string;
  /** Credentials of a caller allowed to move every vendor (an admin), sent with each request. */
  headers: HeadersFor;
  mutation: UpdateMutation;
  durationSeconds: number;
  warmupSeconds: number;
  /** Opened and closed around the measured run (not the warm-up), for the figure's stages. */
  stages?: StageWindow;
  /** Processes (name → pid) whose CPU time over the measured run is charged to its updates. */
  processes?: Readonly<Record<string, number>>;
  /** Whether a vendor could lie in a live figure's box: such vendors are never moved here. */
  nearLiveBoxes: (point: GeoPoint) => boolean;
}

interface Input {
  vendorId: string;
  lat: number;
  lng: number;
  accuracyMeters: number;
}

/**
 * Position reports for vendors away from the live figures' boxes, each a few meters from where the
 * data set put it; no `recordedAt`, so the server stamps each as it arrives, as for most devices.
 */
function reports(vendorCount: number, seed: number, nearLiveBoxes: (point: GeoPoint) => boolean): Input[] {
  const pool: Input[][] = [];
  for (const vendor of benchVendors(vendorCount, seed)) {
    if (pool.length === POOL_VENDORS) break;
    if (nearLiveBoxes(vendor.point)) continue;
    pool.push(
      Array.from({ length: STEPS }, (_, step) => ({
        vendorId: vendor.id,
        ...wigglePoint(vendor.point, step + 1),
        accuracyMeters: 8,
      })),
    );
  }
  // Step-major, so consecutive requests come from different vendors.
  return Array.from({ length: STEPS }, (_, step) => pool.map((steps) => steps[step] as Input)).flat();
}

function bodies(mutation: UpdateMutation, inputs: readonly Input[]): string[] {
  if (mutation === "updateVendorLocation")
    return inputs.map((input) => JSON.stringify({ query: SINGLE, variables: { input } }));
  const batches: string[] = [];
  for (let i = 0; i + BATCH_SIZE <= inputs.length; i += BATCH_SIZE)
    batches.push(
      JSON.stringify({
        query: BATCH_UPDATE_MUTATION,
        variables: { inputs: inputs.slice(i, i + BATCH_SIZE) },
      }),
    );
  return batches;
}

/**
 * Whether the target serves the batch mutation (another change adds it): one small batch is
 * tried first, and a schema that lacks it gets its row skipped, with the reason, rather than a
 * figure made of validation errors.
 */
export async function batchUnsupported(
  url: string,
  headers: HeadersFor,
  vendorCount: number,
  seed: number,
  nearLiveBoxes: (point: GeoPoint) => boolean,
): Promise<string | null> {
  const [input] = reports(vendorCount, seed, nearLiveBoxes);
  const answer = await postGraphQL(url, BATCH_UPDATE_MUTATION, { inputs: [input] }, headers());
  if (answer.status === 200 && !answer.errors) return null;
  return `updateVendorLocations answered ${answer.status}: ${answer.errors?.[0]?.message ?? "no data"}`;
}

/** Accepted position updates per second under closed-loop load from autocannon. */
export async function measureUpdateThroughput(
  options: UpdateThroughputOptions,
): Promise<UpdateThroughputFigure> {
  const inputs = reports(options.vendors, options.seed, options.nearLiveBoxes);
  const prepared = bodies(options.mutation, inputs);
  // One request before the load: a figure over error answers would be meaningless.
  const first =
    options.mutation === "updateVendorLocation"
      ? await postGraphQL(options.url, SINGLE, { input: inputs[0] }, options.headers())
      : await postGraphQL(
          options.url,
          BATCH_UPDATE_MUTATION,
          { inputs: inputs.slice(0, BATCH_SIZE) },
          options.headers(),
        );
  if (first.status !== 200 || first.errors)
    throw new Error(`${options.target} refused an update: ${first.status} ${JSON.stringify(first.errors)}`);

  const perRequest = options.mutation === "updateVendorLocation" ? 1 : BATCH_SIZE;
  const label = `${options.mutation} → ${options.target}`;
  // Warm-up lets the JIT, SQLite's page cache and the router's query plan cache settle first.
  await cannon(options, prepared, perRequest, options.warmupSeconds, `${label} (warm-up)`);
  await options.stages?.open();
  const cpuBefore = options.processes && readCpu(options.processes);
  const run = await cannon(options, prepared, perRequest, options.durationSeconds, label);
  const cpuAfter = options.processes && readCpu(options.processes);
  const stages = await options.stages?.close();
  // autocannon counts a timeout among its errors as well as on its own: once here.
  const errors = run.result.errors + run.result.non2xx + run.refused;
  const notes = [
    `${UPDATE_CONNECTIONS} connections, each sending its next request when the last is answered; ${POOL_VENDORS} vendors in turn`,
  ];
  if (options.mutation !== "updateVendorLocation") notes.push(`${BATCH_SIZE} updates per request`);
  if (run.errorSample) notes.push(`errors, e.g. ${run.errorSample}`);
  return {
    vendors: options.vendors,
    target: options.target,
    mutation: options.mutation,
    connections: UPDATE_CONNECTIONS,
    seconds: run.result.duration,
    requests: run.samples.length,
    acceptedUpdates: run.accepted,
    updatesPerSecond: run.accepted / run.result.duration,
    errors,
    latencyMs: summarize(run.samples),
    notes,
    ...(stages ? { stages } : {}),
    ...(cpuBefore && cpuAfter
      ? { cpuMicrosPerUpdate: cpuMicrosPerRequest(cpuBefore, cpuAfter, run.accepted) }
      : {}),
  };
}

interface CannonRun {
  result: autocannon.Result;
  samples: number[];
  accepted: number;
  /** 200 answers that carried GraphQL errors. */
  refused: number;
  errorSample: string | undefined;
}

async function cannon(
  options: UpdateThroughputOptions,
  prepared: readonly string[],
  perRequest: number,
  seconds: number,
  label: string,
): Promise<CannonRun> {
  const run: Omit<CannonRun, "result"> = { samples: [], accepted: 0, refused: 0, errorSample: undefined };
  let next = 0;
  const progress = progressBar(label, seconds);
  let ticks = 0;
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon(
      {
        url: options.url,
        connections: UPDATE_CONNECTIONS,
        duration: seconds,
        requests: [
          {
            method: "POST",
            path: new URL(options.url).pathname,
            headers: { "content-type": "application/json" },
            // One shared cursor, so the connections report for different vendors at any moment.
            // Headers per request: a subgraph's identity header is short-lived and renewed mid-run.
            setupRequest: (request) => {
              const body = prepared[next] as string;
              next = (next + 1) % prepared.length;
              return { ...request, headers: { ...request.headers, ...options.headers() }, body };
            },
            onResponse: (status, body) => {
              if (status !== 200) return;
              // GraphQL reports failures in a 200 answer; an accepted one names no errors.
              if (body.includes('"errors"')) {
                run.refused += 1;
                run.errorSample ??= body.slice(0, 300);
              } else run.accepted += perRequest;
            },
          },
        ],
      },
      (error: unknown, done: autocannon.Result) => (error ? reject(error) : resolve(done)),
    );
    // Our own samples, because autocannon's histogram holds whole milliseconds and has no p95.
    instance.on("response", (_client, statusCode, _bytes, responseTime) => {
      if (statusCode >= 200 && statusCode < 300) run.samples.push(responseTime);
    });
    instance.on("tick", () => progress.update(Math.min(seconds, ++ticks)));
  });
  progress.done();
  return { ...run, result };
}
