import { parseArgs } from "node:util";

/** Groups of figures a run can be limited to. */
export const SUITES = ["proximity", "live", "geofences", "fenced", "throughput"] as const;
export type Suite = (typeof SUITES)[number];

export interface BenchOptions {
  /** Data-set sizes for the proximity figures; the live figures always use the 100k city. */
  vendorCounts: number[];
  durationSeconds: number;
  /** HTTP load connections; each suite has its own default (see `connectionsFor`). */
  connections: number | undefined;
  seed: number;
  suites: Suite[];
  /** Open subscriptions per live-latency figure. */
  subscriptionCounts: number[];
  /** Position updates per second posted while live latency is measured (and over two routers). */
  updateRate: number;
  /** Updates per second of the batched live figures at 10,000 subscriptions; empty: none. */
  liveRates: number[];
  /** Subscriptions of the live figures split over two routers; empty: none. */
  twoRouterSubscriptions: number[];
  /** Times the selected suites run in a row, each on a fresh copy of its data set. */
  repeat: number;
}

/**
 * One connection gives the proximity figures per-request latency; twenty keep a target busy
 * enough that the throughput figures are its capacity, not the client's round trips.
 */
const DEFAULT_CONNECTIONS = { proximity: 1, throughput: 20 } as const;

export function connectionsFor(options: BenchOptions, suite: keyof typeof DEFAULT_CONNECTIONS): number {
  return options.connections ?? DEFAULT_CONNECTIONS[suite];
}

export const USAGE =
  "usage: node bench/dist/run.js [--only proximity|live|geofences|fenced|throughput] [--repeat 1] [--vendors 100000,1000000] [--duration 10] [--connections 1 for proximity, 20 for throughput] [--subscriptions 1000,10000] [--update-rate 100] [--live-rates 1000|none] [--two-routers 50000|none] [--seed 2026]";

function positiveInt(flag: string, raw: string): number {
  const value = Number(raw);
  if (!Number.isInteger(value) || value <= 0)
    throw new Error(`--${flag} must be a positive integer, got "${raw}"\n${USAGE}`);
  return value;
}

const list = (raw: string) =>
  raw
    .split(",")
    .map((part) => part.trim())
    .filter((part) => part !== "");

/** A list of positive integers, or `none` for an empty one (a figure the run leaves out). */
function countsOrNone(flag: string, raw: string): number[] {
  if (raw.trim() === "none") return [];
  const parts = list(raw);
  if (parts.length === 0)
    throw new Error(`--${flag} takes positive integers or none, got "${raw}"\n${USAGE}`);
  return parts.map((part) => positiveInt(flag, part));
}

function suites(raw: string | undefined): Suite[] {
  if (raw === undefined) return [...SUITES];
  const chosen = list(raw);
  const unknown = chosen.filter((name) => !(SUITES as readonly string[]).includes(name));
  if (chosen.length === 0 || unknown.length > 0)
    throw new Error(`--only takes ${SUITES.join(" or ")} (comma-separated), got "${raw}"\n${USAGE}`);
  return SUITES.filter((suite) => chosen.includes(suite));
}

/** A flag the run cannot use; the message already carries the usage line. */
export class BenchUsageError extends Error {}

/** True when the command line asks for the usage line rather than a run. */
export const wantsHelp = (argv: readonly string[]): boolean => argv.includes("--help") || argv.includes("-h");

/** Reads the command line; a bad flag stops the run before minutes are spent generating data. */
export function parseBenchArgs(argv: string[]): BenchOptions {
  try {
    return readFlags(argv);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    throw new BenchUsageError(message.includes(USAGE) ? message : `${message}\n${USAGE}`);
  }
}

function readFlags(argv: string[]): BenchOptions {
  const { values } = parseArgs({
    args: argv,
    options: {
      only: { type: "string" },
      vendors: { type: "string", default: "100000,1000000" },
      duration: { type: "string", default: "10" },
      connections: { type: "string" },
      seed: { type: "string", default: "2026" },
      subscriptions: { type: "string", default: "1000,10000" },
      "update-rate": { type: "string", default: "100" },
      "live-rates": { type: "string", default: "1000" },
      "two-routers": { type: "string", default: "50000" },
      repeat: { type: "string", default: "1" },
    },
    strict: true,
  });
  return {
    vendorCounts: list(values.vendors).map((part) => positiveInt("vendors", part)),
    durationSeconds: positiveInt("duration", values.duration),
    connections:
      values.connections === undefined ? undefined : positiveInt("connections", values.connections),
    seed: positiveInt("seed", values.seed),
    suites: suites(values.only),
    subscriptionCounts: list(values.subscriptions).map((part) => positiveInt("subscriptions", part)),
    updateRate: positiveInt("update-rate", values["update-rate"]),
    liveRates: countsOrNone("live-rates", values["live-rates"]),
    twoRouterSubscriptions: countsOrNone("two-routers", values["two-routers"]),
    repeat: positiveInt("repeat", values.repeat),
  };
}
