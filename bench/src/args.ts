import { parseArgs } from "node:util";

export interface BenchOptions {
  vendorCounts: number[];
  durationSeconds: number;
  connections: number;
  seed: number;
}

const USAGE =
  "usage: node bench/dist/run.js [--vendors 100000,1000000] [--duration 10] [--connections 1] [--seed 2026]";

function positiveInt(flag: string, raw: string): number {
  const value = Number(raw);
  if (!Number.isInteger(value) || value <= 0)
    throw new Error(`--${flag} must be a positive integer, got "${raw}"\n${USAGE}`);
  return value;
}

/** Reads the command line; a bad flag stops the run before minutes are spent generating data. */
export function parseBenchArgs(argv: string[]): BenchOptions {
  const { values } = parseArgs({
    args: argv,
    options: {
      vendors: { type: "string", default: "100000,1000000" },
      duration: { type: "string", default: "10" },
      connections: { type: "string", default: "1" },
      seed: { type: "string", default: "2026" },
    },
    strict: true,
  });
  return {
    vendorCounts: values.vendors
      .split(",")
      .map((part) => part.trim())
      .filter((part) => part !== "")
      .map((part) => positiveInt("vendors", part)),
    durationSeconds: positiveInt("duration", values.duration),
    connections: positiveInt("connections", values.connections),
    seed: positiveInt("seed", values.seed),
  };
}
